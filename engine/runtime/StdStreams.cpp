#include "engine/runtime/StdStreams.h"

#include "engine/runtime/PyUtil.h"

#include <cstddef>
#include <cstring>

namespace forkscope::runtime {
namespace {

// What flushing a stream depends on: for io.TextIOWrapper its pending text and the buffer it
// writes to; for that io.BufferedWriter the bytes it holds. Both live in the objects' own C
// fields, so equal fields mean equal pending output: none, right after a flush. Only these
// two exact types are noted: a subclass or another kind of stream (io.StringIO, a user's
// class) may keep its state anywhere, and is always flushed.
constexpr std::size_t kLargestObject = 512; // both are about 200 bytes in CPython 3.11

struct ObjectState {
    PyObject* object = nullptr;
    PyTypeObject* type = nullptr; // another object may come to live at the same address
    std::size_t size = 0;
    unsigned char fields[kLargestObject];

    // The fields after the object's header: its reference count changes whenever anyone
    // holds it for a moment, and says nothing about what it has to write.
    static const unsigned char* fieldsOf(PyObject* o) {
        return reinterpret_cast<const unsigned char*>(o) + sizeof(PyObject);
    }

    bool note(PyObject* o, const char* typeName) {
        object = nullptr;
        const auto basic = static_cast<std::size_t>(Py_TYPE(o)->tp_basicsize);
        if (std::strcmp(Py_TYPE(o)->tp_name, typeName) != 0 || basic <= sizeof(PyObject) ||
            basic - sizeof(PyObject) > kLargestObject)
            return false;
        size = basic - sizeof(PyObject);
        std::memcpy(fields, fieldsOf(o), size);
        type = Py_TYPE(o);
        object = o;
        return true;
    }

    bool unchanged(PyObject* o) const {
        return object && o == object && Py_TYPE(o) == type &&
               std::memcmp(fields, fieldsOf(o), size) == 0;
    }
};

struct Noted {
    ObjectState text;   // the io.TextIOWrapper in sys
    ObjectState buffer; // its io.BufferedWriter
};
Noted g_noted[2]; // stdout, stderr; per process, as each forks its own children

PyObject* interned(const char* s) {
    return PyUnicode_InternFromString(s);
}

// sys.stdout or sys.stderr (borrowed), found without writing to anything: without sys in
// the module table (a script removed it), the interpreter's own.
PyObject* stream(int which) {
    // Interned by the first call, made before the first fork: a child allocates nothing.
    static PyObject* const sysName = interned("sys");
    static PyObject* const names[] = {interned("stdout"), interned("stderr")};
    PyObject* sys = PyDict_GetItem(PyImport_GetModuleDict(), sysName);
    PyObject* sysDict = sys && PyModule_Check(sys) ? PyModule_GetDict(sys) : nullptr;
    PyObject* s = sysDict ? PyDict_GetItem(sysDict, names[which])
                          : PySys_GetObject(which == 0 ? "stdout" : "stderr");
    return s == Py_None ? nullptr : s;
}

bool flush(PyObject* s) {
    static PyObject* const flushName = interned("flush");
    PyObject* r = PyObject_CallMethodNoArgs(s, flushName);
    if (!r) {
        PyErr_Clear();
        return false;
    }
    Py_DECREF(r);
    return true;
}

void note(Noted& n, PyObject* s) {
    static PyObject* const bufferName = interned("buffer");
    n.buffer.object = nullptr;
    if (!n.text.note(s, "_io.TextIOWrapper")) return;
    PyObject* buffer = PyObject_GetAttr(s, bufferName);
    if (!buffer) {
        PyErr_Clear();
        n.text.object = nullptr;
        return;
    }
    // The text layer's fields hold the pointer to its buffer: a replaced buffer shows there.
    if (!n.buffer.note(buffer, "_io.BufferedWriter")) n.text.object = nullptr;
    Py_DECREF(buffer);
}

// Whether `s` is the stream noted in `n` and in the state noted: nothing to flush.
bool asNoted(const Noted& n, PyObject* s) {
    return n.text.unchanged(s) && n.buffer.unchanged(n.buffer.object);
}

} // namespace

void StdStreams::flushBeforeFork() noexcept {
    for (int which = 0; which < 2; ++which) {
        Noted& n = g_noted[which];
        PyObject* s = stream(which);
        // As the previous start() left it: the note still holds, nothing was written since.
        if (!s || asNoted(n, s)) continue;
        n.text.object = n.buffer.object = nullptr;
        if (flush(s)) note(n, s);
    }
}

void StdStreams::flushAtChildExit() noexcept {
    for (int which = 0; which < 2; ++which) {
        const Noted& n = g_noted[which];
        PyObject* s = stream(which);
        if (s && !asNoted(n, s)) flush(s);
    }
}

} // namespace forkscope::runtime

#include "engine/runtime/ManagedReferent.h"

#include "engine/runtime/FastPickle.h"
#include "engine/runtime/ManagerProxy.h"
#include "engine/runtime/SharedObjects.h"

#include <array>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

namespace forkscope::runtime {

namespace {

// The value, in the arena: `data` is a block holding the pickle's length and then its bytes,
// replaced whole by each change, so that one store commits it and a process killed in the
// middle of a change leaves the value as it was.
struct Referent {
    static constexpr uint32_t kMagic = 0x6665524d; // "MRef"
    uint32_t magic = kMagic;
    uint32_t isDict = 0;
    pthread_mutex_t mutex; // robust, process-shared
    std::atomic<shm::Offset> data{0};
    std::atomic<uint32_t> gone{0};
};

struct ManagedReferent {
    Referent* r = nullptr;
    py::object manager = py::none();
};
// One C++ type per Python class, as pybind11 wants.
struct ListProxy : ManagedReferent {};
struct DictProxy : ManagedReferent {};

constexpr std::array kListMethods = {
    "__add__",      "__contains__", "__delitem__", "__getitem__", "__len__", "__mul__",
    "__reversed__", "__rmul__",     "__setitem__", "append",      "count",   "extend",
    "index",        "insert",       "pop",         "remove",      "reverse", "sort",
};
constexpr std::array kDictMethods = {
    "__contains__", "__delitem__", "__getitem__", "__len__", "__setitem__",
    "clear",        "copy",        "get",         "items",   "keys",
    "pop",          "popitem",     "setdefault",  "update",  "values",
};
constexpr std::array kChanging = {
    "__delitem__", "__setitem__", "__imul__", "append", "extend",  "insert",     "pop",
    "remove",      "reverse",     "sort",     "clear",  "popitem", "setdefault", "update",
};

bool changes(std::string_view name) {
    for (std::string_view n : kChanging) {
        if (n == name) return true;
    }
    return false;
}

ManagedReferent& impl(py::handle self) {
    return self.cast<ManagedReferent&>();
}

py::module_& pickle() {
    // Never destroyed: a static's destructor would run after the interpreter is gone.
    static auto* module = new py::module_(py::module_::import("pickle"));
    return *module;
}

// What crosses between a proxy and CPython's server is pickled: a copy, or a pickling error.
py::object copied(py::handle value) {
    return pickle().attr("loads")(pickle().attr("dumps")(value));
}

void store(Referent& r, py::handle value) {
    Pickled pickled;
    if (!pickled.dump(value.ptr())) throw py::error_already_set();
    const std::string_view bytes = pickled.bytes();
    shm::Arena& a = arena();
    const shm::Offset block = a.allocate(sizeof(uint64_t) + bytes.size());
    if (!block) raiseArenaFull("a Manager's list or dict");
    const uint64_t len = bytes.size();
    std::memcpy(a.at<char>(block), &len, sizeof len);
    std::memcpy(a.at<char>(block) + sizeof len, bytes.data(), bytes.size());
    const shm::Offset old = r.data.exchange(block, std::memory_order_acq_rel);
    if (old) a.free(old);
}

py::object load(const Referent& r) {
    const shm::Arena& a = arena();
    const shm::Offset block = r.data.load(std::memory_order_acquire);
    uint64_t len = 0;
    std::memcpy(&len, a.at<char>(block), sizeof len);
    PyObject* value = unpickle(std::string_view(a.at<char>(block) + sizeof len, len));
    if (!value) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(value);
}

// Holds the value's mutex, without the GIL while it waits for another process.
class Held {
public:
    explicit Held(Referent& r) : r_(r) {
        bool ok;
        Py_BEGIN_ALLOW_THREADS ok = shm::lockRobust(&r_.mutex, [] {}); // a change commits whole
        Py_END_ALLOW_THREADS if (!ok) raise(PyExc_OSError, "the shared value's lock is broken");
    }
    ~Held() { pthread_mutex_unlock(&r_.mutex); }
    Held(const Held&) = delete;
    Held& operator=(const Held&) = delete;

private:
    Referent& r_;
};

py::object call(py::handle self, const std::string& name, py::tuple args, py::dict kwargs) {
    Referent& r = *impl(self).r;
    if (r.gone.load(std::memory_order_acquire)) raiseManagerGone();
    py::tuple request = copied(py::make_tuple(args, kwargs));
    py::object result;
    {
        Held held(r);
        py::object value = load(r);
        result = value.attr(name.c_str())(*request[0], **request[1]);
        if (changes(name)) store(r, value);
    }
    // CPython's managers send dict views back as lists.
    if (PyObject_TypeCheck(result.ptr(), &PyDictKeys_Type) ||
        PyObject_TypeCheck(result.ptr(), &PyDictValues_Type) ||
        PyObject_TypeCheck(result.ptr(), &PyDictItems_Type))
        return py::list(result);
    return copied(result);
}

py::object proxyFor(Referent* r, py::handle manager) {
    py::object proxy;
    if (r->isDict) {
        auto p = std::make_unique<DictProxy>();
        p->r = r;
        p->manager = py::reinterpret_borrow<py::object>(manager);
        proxy = py::cast(p.release(), py::return_value_policy::take_ownership);
    } else {
        auto p = std::make_unique<ListProxy>();
        p->r = r;
        p->manager = py::reinterpret_borrow<py::object>(manager);
        proxy = py::cast(p.release(), py::return_value_policy::take_ownership);
    }
    return proxy;
}

PyObject* rebuild(PyObject*, PyObject* arg) {
    const unsigned long long token = PyLong_AsUnsignedLongLong(arg);
    if (token == static_cast<unsigned long long>(-1) && PyErr_Occurred()) return nullptr;
    try {
        shm::Arena& a = arena();
        if (token % alignof(Referent) != 0 || !a.holds(token, sizeof(Referent)) ||
            a.at<Referent>(token)->magic != Referent::kMagic)
            raise(PyExc_ValueError, "not a managed list or dict of this run");
        return proxyFor(a.at<Referent>(token), py::none()).release().ptr();
    } catch (py::error_already_set& e) {
        e.restore();
        return nullptr;
    }
}

template <typename Proxy, std::size_t N>
void bindProxy(py::module_& m, const char* name, const char* typeId,
               const std::array<const char*, N>& methods) {
    py::class_<Proxy, ManagedReferent> cls(m, name);
    for (const char* method : methods) {
        const std::string n = method;
        cls.def(method, [n](py::object self, py::args args, py::kwargs kwargs) {
            return call(self, n, args, kwargs);
        });
    }
    const std::string kind = name, id = typeId;
    cls.def("__repr__", [kind, id](py::object self) {
        return "<" + kind + " object, typeid '" + id + "' at " + hexAddress(self.ptr()) + ">";
    });
    cls.attr("__module__") = "multiprocessing.managers";
}

} // namespace

py::object makeManagedReferent(py::handle manager, bool isDict, py::handle initial,
                               uint64_t* token) {
    // The server builds the value from the arguments: list(...) or dict(...), with their errors.
    py::object value = isDict ? py::object(py::dict(py::reinterpret_borrow<py::object>(initial)))
                              : py::object(py::list(py::reinterpret_borrow<py::object>(initial)));
    shm::Arena& a = arena();
    const shm::Offset at = a.allocate(sizeof(Referent));
    if (!at) raiseArenaFull("Manager().list() or dict()");
    auto* r = new (a.at<Referent>(at)) Referent();
    r->isDict = isDict ? 1 : 0;
    shm::initRobustMutex(&r->mutex);
    try {
        store(*r, copied(value));
    } catch (...) {
        a.free(at);
        throw;
    }
    *token = at;
    return proxyFor(r, manager);
}

void markManagedReferentGone(uint64_t token) noexcept {
    shm::Arena& a = *context().arena;
    if (a.holds(token, sizeof(Referent)))
        a.at<Referent>(token)->gone.store(1, std::memory_order_release);
}

void bindManagedReferentTypes(py::module_& m) {
    py::class_<ManagedReferent> base(m, "_ManagedReferent");
    base.def(
            "_callmethod",
            [](py::object self, const std::string& name, py::tuple args, py::dict kwds) {
                return call(self, name, args, kwds);
            },
            py::arg("methodname"), py::arg("args") = py::tuple(), py::arg("kwds") = py::dict())
        .def("_getvalue",
             [](py::object self) { return call(self, "copy", py::tuple(), py::dict()); })
        // CPython's str() of a proxy is the referent's repr, from the server.
        .def("__str__",
             [](py::object self) { return call(self, "__repr__", py::tuple(), py::dict()); })
        .def("__reduce__",
             [](py::object self) {
                 return py::make_tuple(
                     py::module_::import("multiprocessing").attr("_rebuild_managed_referent"),
                     py::make_tuple(arena().offsetOf(impl(self).r)));
             })
        .def_property_readonly("_manager", [](py::object self) { return impl(self).manager; });

    bindProxy<ListProxy>(m, "ListProxy", "list", kListMethods);
    py::object list = m.attr("ListProxy");
    // CPython's ListProxy: += extends, *= repeats, and both give the proxy back.
    list.attr("__iadd__") = py::cpp_function(
        [](py::object self, py::object value) {
            call(self, "extend", py::make_tuple(value), py::dict());
            return self;
        },
        py::is_method(list));
    list.attr("__imul__") = py::cpp_function(
        [](py::object self, py::object value) {
            call(self, "__imul__", py::make_tuple(value), py::dict());
            return self;
        },
        py::is_method(list));
    bindProxy<DictProxy>(m, "DictProxy", "dict", kDictMethods);
    py::object dict = m.attr("DictProxy");
    // CPython iterates a DictProxy through an iterator on the server; here, over its keys now.
    dict.attr("__iter__") = py::cpp_function(
        [](py::object self) { return py::iter(call(self, "keys", py::tuple(), py::dict())); },
        py::is_method(dict));

    static PyMethodDef rebuildDef{"_rebuild_managed_referent", &rebuild, METH_O,
                                  "Rebuilds a Manager().list() or dict() proxy from its pickle."};
    addRebuildFunction(m, rebuildDef);
    for (const char* name : {"ListProxy", "DictProxy", "_ManagedReferent"})
        hideProxyType(m, name);
}

} // namespace forkscope::runtime

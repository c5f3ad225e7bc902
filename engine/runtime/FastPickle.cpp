#include "engine/runtime/FastPickle.h"

#include <cstring>

namespace forkscope::runtime {

namespace {

// pickle's opcodes, protocol 4.
constexpr char kProto = '\x80', kStop = '.', kNone = 'N', kTrue = '\x88', kFalse = '\x89';
constexpr char kBinInt1 = 'K', kBinInt2 = 'M', kBinInt = 'J', kLong1 = '\x8a', kBinFloat = 'G';
constexpr char kShortBinUnicode = '\x8c', kBinUnicode = 'X', kShortBinBytes = 'C', kBinBytes = 'B';

PyObject* pickleFunction(const char* name) {
    static PyObject* module = PyImport_ImportModule("pickle"); // kept for the process's life
    if (!module) return nullptr;
    return PyObject_GetAttrString(module, name);
}

void putLE(char* p, uint64_t v, int n) {
    for (int i = 0; i < n; ++i)
        p[i] = static_cast<char>((v >> (8 * i)) & 0xff);
}
uint64_t getLE(const char* p, int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; ++i)
        v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    return v;
}

// Minimal little-endian two's complement, as pickle's encode_long writes LONG1.
int longBytes(long long v, char* out) {
    int n = 0;
    auto u = static_cast<uint64_t>(v);
    for (n = 1; n < 8; ++n) {
        const long long lo = -(1LL << (8 * n - 1)), hi = (1LL << (8 * n - 1)) - 1;
        if (v >= lo && v <= hi) break;
    }
    putLE(out, u, n);
    return n;
}

} // namespace

bool Pickled::dump(PyObject* obj) {
    char* p = small_;
    *p++ = kProto;
    *p++ = 4;
    PyTypeObject* type = Py_TYPE(obj);
    if (obj == Py_None) {
        *p++ = kNone;
    } else if (obj == Py_True || obj == Py_False) {
        *p++ = obj == Py_True ? kTrue : kFalse;
    } else if (type == &PyLong_Type) {
        int overflow = 0;
        const long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
        if (overflow) goto slow;
        if (v >= 0 && v < 256) {
            *p++ = kBinInt1;
            *p++ = static_cast<char>(v);
        } else if (v >= 0 && v < 65536) {
            *p++ = kBinInt2;
            putLE(p, static_cast<uint64_t>(v), 2);
            p += 2;
        } else if (v >= INT32_MIN && v <= INT32_MAX) {
            *p++ = kBinInt;
            putLE(p, static_cast<uint64_t>(v), 4);
            p += 4;
        } else {
            *p++ = kLong1;
            const int n = longBytes(v, p + 1);
            *p++ = static_cast<char>(n);
            p += n;
        }
    } else if (type == &PyFloat_Type) {
        const double d = PyFloat_AS_DOUBLE(obj);
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        *p++ = kBinFloat;
        for (int i = 7; i >= 0; --i)
            *p++ = static_cast<char>((bits >> (8 * i)) & 0xff);
    } else if (type == &PyUnicode_Type || type == &PyBytes_Type) {
        Py_ssize_t n = 0;
        const char* data;
        if (type == &PyUnicode_Type) {
            data = PyUnicode_AsUTF8AndSize(obj, &n);
            if (!data) { // lone surrogates: pickle writes them with surrogatepass
                PyErr_Clear();
                goto slow;
            }
        } else {
            data = PyBytes_AS_STRING(obj);
            n = PyBytes_GET_SIZE(obj);
        }
        if (n > UINT32_MAX) goto slow;
        const bool isStr = type == &PyUnicode_Type;
        char head[8];
        int h = 0;
        head[h++] = kProto;
        head[h++] = 4;
        if (n < 256) {
            head[h++] = isStr ? kShortBinUnicode : kShortBinBytes;
            head[h++] = static_cast<char>(n);
        } else {
            head[h++] = isStr ? kBinUnicode : kBinBytes;
            putLE(head + h, static_cast<uint64_t>(n), 4);
            h += 4;
        }
        const auto total = static_cast<std::size_t>(h + n + 1);
        char* out = small_;
        if (total > sizeof small_) {
            large_.resize(total);
            out = large_.data();
        }
        std::memcpy(out, head, static_cast<std::size_t>(h));
        std::memcpy(out + h, data, static_cast<std::size_t>(n));
        out[total - 1] = kStop;
        view_ = std::string_view(out, total);
        return true;
    } else {
        goto slow;
    }
    *p++ = kStop;
    view_ = std::string_view(small_, static_cast<std::size_t>(p - small_));
    return true;

slow:
    static PyObject* dumps = pickleFunction("dumps");
    if (!dumps) return false;
    PyObject* protocol = PyLong_FromLong(4);
    PyObject* callArgs[] = {obj, protocol};
    holder_ = PyObject_Vectorcall(dumps, callArgs, 2, nullptr);
    Py_DECREF(protocol);
    if (!holder_) return false;
    if (!PyBytes_Check(holder_)) {
        PyErr_SetString(PyExc_TypeError, "pickle.dumps did not return bytes");
        return false;
    }
    view_ = std::string_view(PyBytes_AS_STRING(holder_),
                             static_cast<std::size_t>(PyBytes_GET_SIZE(holder_)));
    return true;
}

PyObject* unpickle(std::string_view b) {
    const std::size_t n = b.size();
    const char* d = b.data();
    if (n >= 4 && d[0] == kProto && d[1] == 4 && d[n - 1] == kStop) {
        const char op = d[2];
        const char* arg = d + 3;
        const std::size_t argLen = n - 4; // between the opcode and STOP
        switch (op) {
        case kNone:
            if (argLen == 0) Py_RETURN_NONE;
            break;
        case kTrue:
            if (argLen == 0) Py_RETURN_TRUE;
            break;
        case kFalse:
            if (argLen == 0) Py_RETURN_FALSE;
            break;
        case kBinInt1:
            if (argLen == 1) return PyLong_FromLong(static_cast<long>(getLE(arg, 1)));
            break;
        case kBinInt2:
            if (argLen == 2) return PyLong_FromLong(static_cast<long>(getLE(arg, 2)));
            break;
        case kBinInt:
            if (argLen == 4)
                return PyLong_FromLong(static_cast<int32_t>(static_cast<uint32_t>(getLE(arg, 4))));
            break;
        case kLong1: {
            const auto k = static_cast<std::size_t>(static_cast<unsigned char>(arg[0]));
            if (argLen == k + 1 && k >= 1 && k <= 8) {
                uint64_t u = getLE(arg + 1, static_cast<int>(k));
                if (k < 8 && (u >> (8 * k - 1)) & 1) u |= ~0ULL << (8 * k); // sign-extend
                return PyLong_FromLongLong(static_cast<long long>(u));
            }
            break;
        }
        case kBinFloat:
            if (argLen == 8) {
                uint64_t bits = 0;
                for (int i = 0; i < 8; ++i)
                    bits = (bits << 8) | static_cast<unsigned char>(arg[i]);
                double v;
                std::memcpy(&v, &bits, sizeof v);
                return PyFloat_FromDouble(v);
            }
            break;
        case kShortBinUnicode:
        case kShortBinBytes: {
            const auto k = static_cast<std::size_t>(static_cast<unsigned char>(arg[0]));
            if (argLen == k + 1) {
                return op == kShortBinBytes
                           ? PyBytes_FromStringAndSize(arg + 1, static_cast<Py_ssize_t>(k))
                           : PyUnicode_DecodeUTF8(arg + 1, static_cast<Py_ssize_t>(k),
                                                  "surrogatepass");
            }
            break;
        }
        case kBinUnicode:
        case kBinBytes:
            if (argLen >= 4) {
                const auto k = static_cast<std::size_t>(getLE(arg, 4));
                if (argLen == k + 4) {
                    return op == kBinBytes
                               ? PyBytes_FromStringAndSize(arg + 4, static_cast<Py_ssize_t>(k))
                               : PyUnicode_DecodeUTF8(arg + 4, static_cast<Py_ssize_t>(k),
                                                      "surrogatepass");
                }
            }
            break;
        default:
            break;
        }
    }
    static PyObject* loads = pickleFunction("loads");
    if (!loads) return nullptr;
    PyObject* view =
        PyMemoryView_FromMemory(const_cast<char*>(d), static_cast<Py_ssize_t>(n), PyBUF_READ);
    if (!view) return nullptr;
    PyObject* result = PyObject_CallOneArg(loads, view);
    Py_DECREF(view);
    return result;
}

} // namespace forkscope::runtime

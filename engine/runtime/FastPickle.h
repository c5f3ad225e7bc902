#pragma once
// Pickling for queue items. The common small items (None, bools, ints, floats, str, bytes,
// exactly those types) are written and read here directly, as the same pickle opcodes
// pickle.dumps would use: a 100,000-item queue loop spends most of its time in pickling, and
// pickle.dumps costs a module call, a Pickler and a bytes object per item. Anything else goes
// through pickle.dumps / pickle.loads, protocol 4 (multiprocessing's default).

#include "engine/runtime/PyUtil.h"

#include <string>
#include <string_view>

namespace forkscope::runtime {

class Pickled {
public:
    // Pickles `obj`; false with a Python error set when it cannot be pickled.
    bool dump(PyObject* obj);
    std::string_view bytes() const { return view_; }
    ~Pickled() { Py_XDECREF(holder_); }

private:
    char small_[64];
    std::string large_;
    PyObject* holder_ = nullptr; // the bytes pickle.dumps returned
    std::string_view view_;
};

// The object the pickle describes: a new reference, or nullptr with a Python error set.
PyObject* unpickle(std::string_view bytes);

} // namespace forkscope::runtime

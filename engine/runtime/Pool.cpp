#include "engine/runtime/Pool.h"

#include "engine/channel/Message.h"
#include "engine/runtime/FunctionPickles.h"
#include "engine/runtime/InterpreterFork.h"
#include "engine/runtime/Process.h"
#include "engine/runtime/ProcessContext.h"
#include "engine/runtime/SharedObjects.h"
#include "engine/shm/TaskLog.h"

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <map>
#include <memory>
#include <mutex>
#include <poll.h>
#include <pthread.h>
#include <set>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace forkscope::runtime {

using namespace pybind11::literals;

namespace {

enum class TaskKind : int { Apply = 0, Map = 1, StarMap = 2 };
using channel::TaskOp;

const char* kRun = "RUN";
const char* kClose = "CLOSE";
const char* kTerminate = "TERMINATE";

int g_poolCounter = 0;
int g_jobCounter = 0; // CPython's job_counter: one per result object, across pools

// --- pickling --------------------------------------------------------------------------------

py::object pickleAttr(const char* name) {
    static py::object* pickle = new py::object(py::module_::import("pickle")); // never freed
    return pickle->attr(name);
}

std::string dumps(py::handle obj) {
    py::bytes b = pickleAttr("dumps")(obj, -1);
    return std::string(b);
}

py::object loads(std::string_view bytes) {
    return pickleAttr("loads")(py::bytes(bytes.data(), bytes.size()));
}

std::string nameOf(py::handle func) {
    // Each fallback only when the one before is missing: repr() of a function formats a
    // string with its address, a cost per task that a loop of tiny tasks notices.
    for (const char* attr : {"__qualname__", "__name__"}) {
        if (PyObject* v = PyObject_GetAttrString(func.ptr(), attr)) {
            auto name = py::reinterpret_steal<py::object>(v);
            if (PyUnicode_Check(v)) return py::str(name);
        } else {
            PyErr_Clear();
        }
    }
    try {
        return py::repr(func);
    } catch (py::error_already_set&) {
        return "?";
    }
}

// The task's function as its `task` events name it. A loop submits one function many times,
// and a worker runs it many times: the last one's name is kept, with a reference to the
// function so that its address cannot be reused by another.
std::string funcName(py::handle func) {
    static auto* last = new std::pair<py::object, std::string>(); // never freed: see Process.cpp
    if (last->first.ptr() != func.ptr()) {
        std::string name = nameOf(func);
        *last = {py::reinterpret_borrow<py::object>(func), std::move(name)};
    }
    return last->second;
}

// Through the op log (engine/shm/TaskLog.h); as a message only where there is none.
void sendTask(TaskOp op, int pool, int task, const std::string& func) {
    const ProcessContext& ctx = context();
    if (ctx.arena) {
        bool notify = false;
        const auto step = static_cast<shm::TaskStep>(static_cast<int>(op) + 1);
        if (shm::logTask(*ctx.arena, actor(), static_cast<uint32_t>(pool),
                         static_cast<uint32_t>(task), step, func, &notify)) {
            if (notify) tellEngine();
            return;
        }
    }
    channel::send(
        ctx.controlFd,
        {channel::MessageType::Task, ctx.pid, static_cast<int32_t>(op), pool, task, func, {}});
}

// --- pipes ----------------------------------------------------------------------------------
// Frames are a 4-byte length and that many bytes; an empty frame tells a worker to stop.

bool writeAll(int fd, const char* p, std::size_t n) {
    while (n > 0) {
        const ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

bool readAll(int fd, char* p, std::size_t n) {
    while (n > 0) {
        const ssize_t r = read(fd, p, n);
        if (r == 0) return false;
        if (r < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += r;
        n -= static_cast<std::size_t>(r);
    }
    return true;
}

std::string frame(std::string_view payload) {
    const auto len = static_cast<uint32_t>(payload.size());
    std::string out(sizeof len, '\0');
    std::memcpy(out.data(), &len, sizeof len);
    out.append(payload);
    return out;
}

// A task's frame: the function's pickle (FunctionPickles) apart from the rest's.
std::string taskFrame(std::string_view function, std::string_view rest) {
    const auto fnLen = static_cast<uint32_t>(function.size());
    std::string payload(sizeof fnLen, '\0');
    std::memcpy(payload.data(), &fnLen, sizeof fnLen);
    payload.append(function);
    payload.append(rest);
    return frame(payload);
}

// A map chunk whose results are all ints that fit in 64 bits (numbers in, numbers out: the
// commonest map) comes back as those numbers, not as a pickled list: the parent puts each
// straight into its place in the map's list, where a pickled chunk would be unpickled into a
// list of its own and then copied over, and the worker skips the pickler too. Pickles begin
// with their PROTO opcode (0x80), so the first byte tells the two apart.
constexpr char kIntsFrame = 'I';

struct IntsHeader {
    char tag = kIntsFrame;
    int32_t job = 0, index = 0;
    uint32_t count = 0;
};

// The frame of `results`, or an empty string when any item is not such an int.
std::string intsFrame(int job, int index, PyObject* results) {
    const Py_ssize_t n = PyList_GET_SIZE(results);
    IntsHeader h;
    h.job = job;
    h.index = index;
    h.count = static_cast<uint32_t>(n);
    // Written as a frame from the start: through frame() the 100 KB of a 12,500-int chunk
    // would be copied once more.
    const auto len =
        static_cast<uint32_t>(sizeof h + static_cast<std::size_t>(n) * sizeof(int64_t));
    std::string out(sizeof len + len, '\0');
    std::memcpy(out.data(), &len, sizeof len);
    std::memcpy(out.data() + sizeof len, &h, sizeof h);
    char* at = out.data() + sizeof len + sizeof h;
    for (Py_ssize_t k = 0; k < n; ++k, at += sizeof(int64_t)) {
        PyObject* item = PyList_GET_ITEM(results, k);
        if (!PyLong_CheckExact(item)) return {};
        int overflow = 0;
        const long long v = PyLong_AsLongLongAndOverflow(item, &overflow);
        if (overflow != 0) return {};
        const auto v64 = static_cast<int64_t>(v);
        std::memcpy(at, &v64, sizeof v64);
    }
    return out;
}

// The k-th int of a kIntsFrame's values, as a new reference (nullptr with MemoryError set).
PyObject* intAt(const char* values, uint32_t k) {
    int64_t v;
    std::memcpy(&v, values + static_cast<std::size_t>(k) * sizeof v, sizeof v);
    return PyLong_FromLongLong(v);
}

py::list intsList(const char* values, uint32_t count) {
    auto list = py::reinterpret_steal<py::list>(PyList_New(count));
    if (!list) throw py::error_already_set();
    for (uint32_t k = 0; k < count; ++k) {
        PyObject* v = intAt(values, k);
        if (!v) throw py::error_already_set();
        PyList_SET_ITEM(list.ptr(), k, v);
    }
    return list;
}

// Two robust, process-shared mutexes: several workers read the one task pipe and write the one
// result pipe, and a frame must go in and out whole. Robust, so that a worker killed while
// holding one does not block the others for ever.
struct PipeLocks {
    pthread_mutex_t read;
    pthread_mutex_t write;
};

void initRobust(pthread_mutex_t* m) {
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(m, &a);
    pthread_mutexattr_destroy(&a);
}

void lockRobust(pthread_mutex_t* m) {
    if (pthread_mutex_lock(m) == EOWNERDEAD) pthread_mutex_consistent(m);
}

// --- results --------------------------------------------------------------------------------

class ResultBase {
public:
    virtual ~ResultBase() = default;
    // With the GIL held, from the handler thread: task `index` of this job finished.
    // Returns true when the job is complete and leaves the pool's cache.
    virtual bool set(int index, bool ok, py::object value) = 0;
    // The same for a chunk that came back as ints (kIntsFrame), `count` of them at `values`.
    virtual bool setInts(int index, const char* values, uint32_t count) {
        return set(index, true, intsList(values, count));
    }

    bool ready() const { return ready_.load(std::memory_order_acquire); }

    // Waits, without the GIL, until ready or `timeout` lesson seconds passed.
    // Never takes the GIL while holding mutex_: the pool's thread takes them the other way.
    bool wait(const py::object& timeout) {
        if (ready()) return true;
        const double seconds =
            timeout.is_none() ? -1 : std::max(0.0, realSeconds(py::cast<double>(timeout)));
        BlockedOn blocked(channel::WaitReason::Result);
        py::gil_scoped_release nogil;
        std::unique_lock lock(mutex_);
        if (seconds < 0) {
            cv_.wait(lock, [this] { return ready(); });
            return true;
        }
        return cv_.wait_for(lock, std::chrono::duration<double>(seconds),
                            [this] { return ready(); });
    }

    int job = 0;

protected:
    void markReady() {
        {
            std::lock_guard lock(mutex_);
            ready_.store(true, std::memory_order_release);
        }
        cv_.notify_all();
    }

    std::atomic<bool> ready_{false};
    std::mutex mutex_;
    std::condition_variable cv_;
};

void callQuietly(const py::object& f, const py::object& arg) {
    // A failing callback must not stop the pool's thread: report it as CPython reports
    // exceptions nobody can catch.
    try {
        f(arg);
    } catch (py::error_already_set& e) {
        e.restore();
        PyErr_WriteUnraisable(f.ptr());
    }
}

class ApplyResult : public ResultBase {
public:
    ApplyResult(py::object callback, py::object errorCallback)
        : callback_(std::move(callback)), errorCallback_(std::move(errorCallback)) {}

    bool set(int, bool ok, py::object value) override {
        success_ = ok;
        value_ = std::move(value);
        // CPython runs the callback before the result is ready: get() returns after it.
        if (ok && !callback_.is_none()) callQuietly(callback_, value_);
        if (!ok && !errorCallback_.is_none()) callQuietly(errorCallback_, value_);
        markReady();
        return true;
    }

    bool successful() const { return success_; }
    const py::object& value() const { return value_; }

protected:
    bool success_ = false;
    py::object value_ = py::none();
    py::object callback_, errorCallback_;
};

class MapResult : public ApplyResult {
public:
    MapResult(int chunksize, Py_ssize_t length, py::object callback, py::object errorCallback)
        : ApplyResult(std::move(callback), std::move(errorCallback)), chunksize_(chunksize) {
        success_ = true;
        // [None] * length, as CPython's MapResult makes it: the C API, not an item assignment
        // through pybind11 per item (a millisecond for a map of 100,000).
        list_ = py::reinterpret_steal<py::list>(PyList_New(length));
        if (!list_) throw py::error_already_set();
        for (Py_ssize_t i = 0; i < length; ++i) {
            Py_INCREF(Py_None);
            PyList_SET_ITEM(list_.ptr(), i, Py_None);
        }
        value_ = list_;
        left_ =
            chunksize <= 0 ? 0 : static_cast<int>(length / chunksize + (length % chunksize != 0));
        if (left_ == 0) markReady();
    }

    bool set(int index, bool ok, py::object value) override {
        --left_;
        if (ok && success_) {
            const Py_ssize_t at = static_cast<Py_ssize_t>(index) * chunksize_;
            if (PyList_SetSlice(list_.ptr(), at, at + PyList_GET_SIZE(value.ptr()), value.ptr()) !=
                0)
                throw py::error_already_set();
            return chunkDone();
        }
        if (!ok && success_) {
            success_ = false;
            value_ = std::move(value);
        }
        if (left_ == 0) {
            if (!errorCallback_.is_none()) callQuietly(errorCallback_, value_);
            markReady();
            return true;
        }
        return false;
    }

    bool setInts(int index, const char* values, uint32_t count) override {
        if (!success_) return set(index, true, py::none()); // an earlier chunk failed
        const Py_ssize_t at = static_cast<Py_ssize_t>(index) * chunksize_;
        if (at + count > PyList_GET_SIZE(list_.ptr()))
            raise(PyExc_RuntimeError, "a map chunk's results do not fit its place");
        --left_;
        for (uint32_t k = 0; k < count; ++k) {
            PyObject* v = intAt(values, k);
            if (!v) throw py::error_already_set();
            PyObject* none = PyList_GET_ITEM(list_.ptr(), at + k);
            PyList_SET_ITEM(list_.ptr(), at + k, v);
            Py_DECREF(none);
        }
        return chunkDone();
    }

    bool done() const { return left_ == 0; }

private:
    // After a chunk's results are in place.
    bool chunkDone() {
        if (left_ != 0) return false;
        if (!callback_.is_none()) callQuietly(callback_, value_);
        markReady();
        return true;
    }

    int chunksize_;
    int left_ = 0;
    py::list list_;
};

class IMapIterator : public ResultBase {
public:
    IMapIterator(bool unordered, bool flatten) : unordered_(unordered), flatten_(flatten) {}

    bool set(int index, bool ok, py::object value) override {
        // Python work (unpacking a chunk) before taking mutex_, which next() holds without the GIL.
        std::vector<std::pair<bool, py::object>> results;
        if (ok && flatten_) {
            for (auto item : py::list(value))
                results.emplace_back(true, py::reinterpret_borrow<py::object>(item));
        } else {
            results.emplace_back(ok, std::move(value));
        }
        bool complete;
        {
            std::lock_guard lock(mutex_);
            if (unordered_) {
                for (auto& r : results)
                    items_.push_back(std::move(r));
            } else {
                unsorted_.emplace(index, std::move(results));
                for (auto it = unsorted_.find(next_); it != unsorted_.end();
                     it = unsorted_.find(next_)) {
                    for (auto& r : it->second)
                        items_.push_back(std::move(r));
                    unsorted_.erase(it);
                    ++next_;
                }
            }
            ++received_;
            complete = length_ >= 0 && received_ == length_;
        }
        cv_.notify_all();
        return complete;
    }

    void setLength(int length) {
        {
            std::lock_guard lock(mutex_);
            length_ = length;
        }
        cv_.notify_all();
    }

    py::object next(const py::object& timeout) {
        const double seconds =
            timeout.is_none() ? -1 : std::max(0.0, realSeconds(py::cast<double>(timeout)));
        enum class Outcome { Item, Stop, Timeout } outcome;
        std::pair<bool, py::object> item;
        {
            BlockedOn blocked(channel::WaitReason::Result);
            py::gil_scoped_release nogil;
            std::unique_lock lock(mutex_);
            auto finished = [this] { return length_ >= 0 && received_ == length_; };
            auto available = [&] { return !items_.empty() || finished(); };
            if (seconds < 0)
                cv_.wait(lock, available);
            else
                cv_.wait_for(lock, std::chrono::duration<double>(seconds), available);
            if (!items_.empty()) {
                outcome = Outcome::Item;
                item = std::move(items_.front());
                items_.pop_front();
            } else {
                outcome = finished() ? Outcome::Stop : Outcome::Timeout;
            }
        }
        if (outcome == Outcome::Stop) throw py::stop_iteration();
        if (outcome == Outcome::Timeout) {
            PyErr_SetNone(py::module_::import("multiprocessing").attr("TimeoutError").ptr());
            throw py::error_already_set();
        }
        if (item.first) return item.second;
        PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(item.second.ptr())), item.second.ptr());
        throw py::error_already_set();
    }

private:
    bool unordered_;
    bool flatten_;
    std::deque<std::pair<bool, py::object>> items_;
    std::map<int, std::vector<std::pair<bool, py::object>>> unsorted_;
    int next_ = 0;
    int received_ = 0;
    int length_ = -1;
};

// --- the pool -------------------------------------------------------------------------------

struct PendingTask {
    int job = 0;
    int index = 0;
    std::string bytes;  // the pickled task; empty when pickling failed
    py::object failure; // the pickling error, delivered to the result in order
};

class Pool;
std::set<Pool*>& livePools() {
    static auto* pools = new std::set<Pool*>(); // never freed: see Process.cpp's State
    return *pools;
}

void poolWorker(int poolId, int taskFd, int resultFd, std::uintptr_t locksAddr, py::list closeFds,
                py::object initializer, py::tuple initargs, py::object maxtasks);

class Pool {
public:
    Pool(py::object processes, py::object initializer, py::tuple initargs,
         py::object maxtasksperchild) {
        if (processes.is_none()) {
            py::object n = py::module_::import("os").attr("cpu_count")();
            processes_ = n.is_none() ? 1 : n.cast<int>();
        } else {
            processes_ = processes.cast<int>();
        }
        if (processes_ < 1) raise(PyExc_ValueError, "Number of processes must be at least 1");
        if (!maxtasksperchild.is_none()) {
            if (!PyLong_Check(maxtasksperchild.ptr()) || maxtasksperchild.cast<long>() <= 0)
                raise(PyExc_ValueError, "maxtasksperchild must be a positive int or None");
            maxtasks_ = maxtasksperchild;
        }
        if (!initializer.is_none() && !PyCallable_Check(initializer.ptr()))
            raise(PyExc_TypeError, "initializer must be a callable");
        initializer_ = std::move(initializer);
        initargs_ = std::move(initargs);
        id_ = ++g_poolCounter;

        void* shared = mmap(nullptr, sizeof(PipeLocks), PROT_READ | PROT_WRITE,
                            MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (shared == MAP_FAILED)
            raise(PyExc_OSError, std::string("mmap: ") + std::strerror(errno));
        locks_ = static_cast<PipeLocks*>(shared);
        initRobust(&locks_->read);
        initRobust(&locks_->write);
        int t[2], r[2];
        if (pipe2(t, O_CLOEXEC) != 0 || pipe2(r, O_CLOEXEC) != 0)
            raise(PyExc_OSError, std::string("pipe: ") + std::strerror(errno));
        taskRead_ = t[0];
        taskWrite_ = t[1];
        resultRead_ = r[0];
        resultWrite_ = r[1];
        wakeFd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        // A map chunk of 12,500 ints is ~37 KB pickled: with the default 64 KB the parent's
        // thread would wake for every chunk it feeds. 1 MB lets it hand over a whole map.
        fcntl(taskWrite_, F_SETPIPE_SZ, 1 << 20);
        fcntl(resultWrite_, F_SETPIPE_SZ, 1 << 20);
        fcntl(taskWrite_, F_SETFL, O_NONBLOCK);
        fcntl(resultRead_, F_SETFL, O_NONBLOCK);

        // Every worker is forked here, up front, as CPython's Pool does.
        for (int i = 0; i < processes_; ++i)
            startWorker();
        livePools().insert(this);
        helperThreadStarted(); // forks take CPython's whole protocol while it lives
        thread_ = new std::thread([this] { handlerMain(); });
    }

    ~Pool() {
        if (getpid() != creator_) return; // a fork's copy: the workers and thread are not ours
        if (state_ == kRun) {
            try {
                terminate();
            } catch (...) {
            }
        }
        stopThread();
        for (int fd : {taskRead_, taskWrite_, resultRead_, resultWrite_, wakeFd_}) {
            if (fd >= 0) ::close(fd);
        }
        if (locks_) munmap(locks_, sizeof(PipeLocks));
        livePools().erase(this);
    }

    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;

    py::object applyAsync(py::object func, py::object args, py::object kwds, py::object callback,
                          py::object errorCallback) {
        checkRunning();
        auto result = std::make_shared<ApplyResult>(std::move(callback), std::move(errorCallback));
        py::object handle = py::cast(result);
        result->job = ++g_jobCounter;
        cache_[result->job] = result;
        submit(result->job, 0,
               py::make_tuple(static_cast<int>(TaskKind::Apply), func, py::tuple(args),
                              kwds.is_none() ? py::dict() : py::dict(kwds)),
               funcName(func));
        return handle;
    }

    py::object mapAsync(py::object func, py::object iterable, py::object chunksize,
                        py::object callback, py::object errorCallback, TaskKind kind) {
        checkRunning();
        if (!py::hasattr(iterable, "__len__")) iterable = py::list(iterable);
        const Py_ssize_t length = py::len(iterable);
        int size;
        if (chunksize.is_none()) {
            const auto workers = static_cast<Py_ssize_t>(workers_.size()) * 4;
            size = static_cast<int>(length / workers + (length % workers != 0));
        } else {
            size = chunksize.cast<int>();
        }
        if (length == 0) size = 0;
        auto result = std::make_shared<MapResult>(size, length, std::move(callback),
                                                  std::move(errorCallback));
        py::object handle = py::cast(result);
        result->job = ++g_jobCounter;
        if (!result->done()) {
            cache_[result->job] = result;
            submitChunks(result->job, func, iterable, size, kind);
        }
        return handle;
    }

    py::object imap(py::object func, py::object iterable, int chunksize, bool unordered) {
        checkRunning();
        if (chunksize < 1)
            raise(PyExc_ValueError, "Chunksize must be 1+, not " + std::to_string(chunksize));
        auto result = std::make_shared<IMapIterator>(unordered, chunksize > 1);
        py::object handle = py::cast(result);
        result->job = ++g_jobCounter;
        cache_[result->job] = result;
        const int tasks = submitChunks(result->job, func, py::list(iterable), chunksize,
                                       chunksize == 1 ? TaskKind::Apply : TaskKind::Map);
        result->setLength(tasks);
        if (tasks == 0) cache_.erase(result->job);
        return handle;
    }

    void close() {
        if (state_ == kRun) {
            state_ = kClose;
            wake();
        }
    }

    void terminate() {
        if (getpid() != creator_) return;
        state_ = kTerminate;
        stopThread();
        // CPython's _terminate_pool: stop every worker and reap it before returning.
        for (auto& w : workers_) {
            py::object alive = w.attr("is_alive")();
            if (alive.cast<bool>()) w.attr("terminate")();
        }
        for (auto& w : workers_)
            w.attr("join")();
        livePools().erase(this);
    }

    void join() {
        if (state_ == kRun) raise(PyExc_ValueError, "Pool is still running");
        stopThread();
        for (auto& w : workers_)
            w.attr("join")();
        livePools().erase(this);
    }

    std::string repr() const {
        return std::string("<multiprocessing.pool.Pool state=") + state_ +
               " pool_size=" + std::to_string(workers_.size()) + ">";
    }

    void checkRunning() const {
        if (state_ != kRun) raise(PyExc_ValueError, "Pool not running");
    }

private:
    void wake() {
        const uint64_t one = 1;
        (void)!write(wakeFd_, &one, sizeof one);
    }

    int submitChunks(int job, const py::object& func, const py::object& items, int size,
                     TaskKind kind) {
        int index = 0;
        const Py_ssize_t n = py::len(items);
        for (Py_ssize_t start = 0; size > 0 && start < n; start += size, ++index) {
            // One slice per chunk: a map over 100,000 items must not pay per item here.
            auto slice = py::reinterpret_steal<py::object>(
                PySequence_GetSlice(items.ptr(), start, start + size));
            if (!slice) throw py::error_already_set();
            if (kind == TaskKind::Map && PyRange_Check(slice.ptr())) {
                // A slice of a range is a range: it travels as its three numbers, not as the
                // thousands of ints it stands for (the worker makes those as it goes).
                submit(job, index, py::make_tuple(static_cast<int>(kind), func, slice, py::none()),
                       funcName(func));
                continue;
            }
            auto chunk = py::reinterpret_steal<py::tuple>(PySequence_Tuple(slice.ptr()));
            if (!chunk) throw py::error_already_set();
            if (kind == TaskKind::Apply) // imap with chunksize 1: one call per item
                submit(job, index,
                       py::make_tuple(static_cast<int>(TaskKind::Apply), func,
                                      py::make_tuple(chunk[0]), py::dict()),
                       funcName(func));
            else
                submit(job, index, py::make_tuple(static_cast<int>(kind), func, chunk, py::none()),
                       funcName(func));
        }
        return index;
    }

    void submit(int job, int index, const py::tuple& task, const std::string& name) {
        PendingTask t;
        t.job = job;
        t.index = index;
        const int taskId = ++taskCounter_;
        try {
            // The function first, as pickling the whole tuple would meet it first.
            const std::string& function = functions_.dump(task[1]);
            const py::tuple rest = py::make_tuple(task[0], py::none(), task[2], task[3]);
            t.bytes = taskFrame(function, dumps(py::make_tuple(job, index, taskId, rest)));
        } catch (py::error_already_set& e) {
            // Like CPython's task thread: the pickling error becomes the task's result.
            t.failure = e.value();
        }
        sendTask(TaskOp::Submit, id_, taskId, name);
        // With nothing ahead of it, the task goes straight into the pipe: waking the pool's
        // thread to write it costs two system calls and a turn of the GIL per task.
        if (pending_.empty() && out_.empty() && !t.bytes.empty()) {
            const ssize_t w = write(taskWrite_, t.bytes.data(), t.bytes.size());
            if (w == static_cast<ssize_t>(t.bytes.size())) return;
            out_ = w > 0 ? t.bytes.substr(static_cast<std::size_t>(w)) : std::move(t.bytes);
            wake();
            return;
        }
        pending_.push_back(std::move(t));
        wake();
    }

    void startWorker() {
        py::module_ mp = py::module_::import("multiprocessing");
        py::list closeFds;
        for (int fd : {taskWrite_, resultRead_, wakeFd_})
            closeFds.append(fd);
        py::object w = forkProcessClass()(
            py::arg("target") = mp.attr("_pool_worker"),
            py::arg("args") = py::make_tuple(id_, taskRead_, resultWrite_,
                                             reinterpret_cast<std::uintptr_t>(locks_), closeFds,
                                             initializer_, initargs_, maxtasks_),
            py::arg("daemon") = true);
        // CPython: Process(ctx=fork).name is ForkProcess-N, renamed ForkPoolWorker-N.
        w.attr("name") = identityName("ForkPoolWorker", w);
        w.attr("start")();
        workers_.push_back(w);
    }

    void stopThread() {
        if (!thread_ || getpid() != creator_) return; // in a fork child the thread never existed
        wake();
        {
            py::gil_scoped_release nogil;
            thread_->join();
        }
        delete thread_;
        thread_ = nullptr;
        helperThreadEnded();
    }

    // `set(result)` gives the job's result what a task brought; the job leaves the cache once
    // that completes it.
    template <typename Set> void deliverTo(int job, Set&& set) {
        auto it = cache_.find(job);
        if (it == cache_.end()) return;
        auto keep = it->second; // set() may run callbacks that submit more work
        if (set(*keep)) cache_.erase(job);
    }

    void deliver(int job, int index, bool ok, py::object value) {
        deliverTo(job, [&](ResultBase& r) { return r.set(index, ok, std::move(value)); });
    }

    void handleFrame(std::string_view payload) {
        IntsHeader h;
        if (!payload.empty() && payload[0] == kIntsFrame && payload.size() >= sizeof h) {
            std::memcpy(&h, payload.data(), sizeof h);
            if (payload.size() - sizeof h != static_cast<std::size_t>(h.count) * sizeof(int64_t))
                raise(PyExc_RuntimeError, "a truncated result from a pool worker");
            deliverTo(h.job, [&](ResultBase& r) {
                return r.setInts(h.index, payload.data() + sizeof h, h.count);
            });
            return;
        }
        py::tuple r = loads(payload);
        const int job = r[0].cast<int>();
        const int index = r[1].cast<int>();
        const bool ok = r[2].cast<bool>();
        py::object value = r[3];
        if (!ok && r.size() > 4 && !r[4].is_none()) {
            // rebuild_exc: the worker's traceback travels as the exception's cause.
            value.attr("__cause__") =
                py::module_::import("multiprocessing").attr("RemoteTraceback")(r[4]);
        }
        deliver(job, index, ok, std::move(value));
    }

    // Keeps the pool at strength: a worker that retired after maxtasksperchild tasks is reaped
    // (CPython's worker thread joins it) and a new one started in its place.
    void replaceRetired() {
        for (std::size_t i = 0; i < workers_.size(); ++i) {
            if (workers_[i].attr("exitcode").is_none()) continue; // exitcode reaps one that exited
            if (state_ != kRun) continue;
            startWorker(); // appends; moved into the retired one's place
            workers_[i] = workers_.back();
            workers_.pop_back();
        }
    }

    void handlerMain() {
        py::gil_scoped_acquire gil;
        bool sentinelsSent = false;
        for (;;) {
            if (state_ == kTerminate) break;
            // Tasks go out in submission order; a task that could not be pickled fails here,
            // in order, as it does in CPython's task thread.
            while (!pending_.empty() && out_.empty()) {
                PendingTask t = std::move(pending_.front());
                pending_.pop_front();
                if (t.bytes.empty())
                    deliver(t.job, t.index, false, t.failure);
                else
                    out_ = std::move(t.bytes);
            }
            if (state_ == kClose && pending_.empty() && out_.empty() && !sentinelsSent) {
                for (std::size_t i = 0; i < workers_.size(); ++i)
                    out_ += frame({});
                sentinelsSent = true;
            }
            if (state_ == kClose && sentinelsSent && out_.empty() && cache_.empty()) break;

            pollfd fds[2] = {{wakeFd_, POLLIN, 0}, {resultRead_, POLLIN, 0}};
            pollfd taskOut{taskWrite_, POLLOUT, 0};
            std::vector<pollfd> all(fds, fds + 2);
            if (!out_.empty()) all.push_back(taskOut);
            // Retired workers are noticed at least every 100 ms, as CPython's worker thread does.
            const int timeout = maxtasks_.is_none() ? -1 : 100;
            {
                py::gil_scoped_release nogil;
                ::poll(all.data(), all.size(), timeout);
            }
            if (all[0].revents) {
                uint64_t n;
                (void)!read(wakeFd_, &n, sizeof n);
            }
            if (all.size() > 2 && all[2].revents) {
                const ssize_t w = write(taskWrite_, out_.data(), out_.size());
                if (w > 0) out_.erase(0, static_cast<std::size_t>(w));
            }
            if (all[1].revents) readResults();
            if (!maxtasks_.is_none() && state_ == kRun) replaceRetired();
        }
    }

    void readResults() {
        char buf[65536];
        for (;;) {
            const ssize_t n = read(resultRead_, buf, sizeof buf);
            if (n <= 0) break;
            in_.append(buf, static_cast<std::size_t>(n));
        }
        std::size_t pos = 0;
        while (in_.size() - pos >= sizeof(uint32_t)) {
            uint32_t len;
            std::memcpy(&len, in_.data() + pos, sizeof len);
            if (in_.size() - pos - sizeof len < len) break;
            try {
                handleFrame(std::string_view(in_).substr(pos + sizeof len, len));
            } catch (py::error_already_set& e) {
                e.restore();
                PyErr_WriteUnraisable(nullptr);
            }
            pos += sizeof len + len;
        }
        in_.erase(0, pos);
    }

    int processes_ = 1;
    FunctionPickles functions_;
    py::object initializer_ = py::none();
    py::tuple initargs_;
    py::object maxtasks_ = py::none();
    int id_ = 0;
    int taskCounter_ = 0;
    const char* state_ = kRun;
    PipeLocks* locks_ = nullptr;
    int taskRead_ = -1, taskWrite_ = -1, resultRead_ = -1, resultWrite_ = -1, wakeFd_ = -1;
    std::vector<py::object> workers_;
    std::deque<PendingTask> pending_;
    std::string out_; // bytes of tasks on their way into the task pipe
    std::string in_;  // bytes of results read so far
    std::map<int, std::shared_ptr<ResultBase>> cache_;
    // A fork copies this object but not the thread: only the creating process may join it.
    std::thread* thread_ = nullptr;
    pid_t creator_ = getpid();
};

// A worker's result frame's payload: (job, index, ok, value, traceback) pickled, or CPython's
// MaybeEncodingError in its place when the value cannot travel back.
std::string pickledResult(const py::tuple& result) {
    try {
        return dumps(result);
    } catch (py::error_already_set& e) {
        py::object err =
            py::module_::import("multiprocessing")
                .attr("MaybeEncodingError")(
                    "Error sending result: '" + py::repr(result[3]).cast<std::string>() +
                    "'. Reason: '" + py::repr(e.value()).cast<std::string>() + "'");
        return dumps(py::make_tuple(result[0], result[1], false, err, py::none()));
    }
}

// The worker's loop, in the child (CPython's pool.worker).
void poolWorker(int poolId, int taskFd, int resultFd, std::uintptr_t locksAddr, py::list closeFds,
                py::object initializer, py::tuple initargs, py::object maxtasks) {
    // The parent's ends would keep the pipes open for ever: end-of-file must mean the parent.
    for (auto fd : closeFds)
        ::close(fd.cast<int>());
    auto* locks = reinterpret_cast<PipeLocks*>(locksAddr);
    if (!initializer.is_none()) initializer(*initargs);
    const long limit = maxtasks.is_none() ? -1 : maxtasks.cast<long>();
    py::object format = py::module_::import("traceback").attr("format_exception");
    FunctionPickles functions;
    for (long completed = 0; limit < 0 || completed < limit; ++completed) {
        std::string payload;
        bool got;
        {
            BlockedOn blocked(channel::WaitReason::QueueGet);
            py::gil_scoped_release nogil;
            lockRobust(&locks->read);
            uint32_t len = 0;
            got = readAll(taskFd, reinterpret_cast<char*>(&len), sizeof len);
            if (got) {
                payload.resize(len);
                got = readAll(taskFd, payload.data(), len);
            }
            pthread_mutex_unlock(&locks->read);
        }
        if (!got || payload.empty()) break; // the parent is gone, or said stop

        uint32_t fnLen = 0;
        if (payload.size() < sizeof fnLen) break;
        std::memcpy(&fnLen, payload.data(), sizeof fnLen);
        if (payload.size() - sizeof fnLen < fnLen) break;
        const std::string_view body(payload);
        py::object func = functions.load(body.substr(sizeof fnLen, fnLen));
        py::tuple msg = loads(body.substr(sizeof fnLen + fnLen));
        const int job = msg[0].cast<int>();
        const int index = msg[1].cast<int>();
        const int taskId = msg[2].cast<int>();
        py::tuple task = msg[3];
        const auto kind = static_cast<TaskKind>(task[0].cast<int>());
        const std::string name = funcName(func);
        sendTask(TaskOp::Start, poolId, taskId, name);

        py::tuple result;
        try {
            py::object value;
            if (kind == TaskKind::Apply) {
                value = func(*py::tuple(task[2]), **py::dict(task[3]));
            } else if (kind == TaskKind::Map && PyRange_Check(task[2].ptr())) {
                // A chunk of a range comes as a range: its ints are made one at a time, each
                // gone once called with (a tuple would make them all, keep and free them).
                py::object range = task[2];
                const Py_ssize_t n = PyObject_Length(range.ptr());
                if (n < 0) throw py::error_already_set();
                auto out = py::reinterpret_steal<py::list>(PyList_New(n));
                auto it = py::reinterpret_steal<py::object>(PyObject_GetIter(range.ptr()));
                if (!out || !it) throw py::error_already_set();
                for (Py_ssize_t k = 0; k < n; ++k) {
                    auto item = py::reinterpret_steal<py::object>(PyIter_Next(it.ptr()));
                    if (!item) throw py::error_already_set();
                    PyObject* r = PyObject_CallOneArg(func.ptr(), item.ptr());
                    if (!r) throw py::error_already_set();
                    PyList_SET_ITEM(out.ptr(), k, r);
                }
                value = out;
            } else {
                // The hot loop of map(): the C API, one call and one store per item.
                py::tuple items = task[2];
                const Py_ssize_t n = PyTuple_GET_SIZE(items.ptr());
                auto out = py::reinterpret_steal<py::list>(PyList_New(n));
                for (Py_ssize_t k = 0; k < n; ++k) {
                    PyObject* item = PyTuple_GET_ITEM(items.ptr(), k);
                    PyObject* r;
                    if (kind == TaskKind::Map) {
                        r = PyObject_CallOneArg(func.ptr(), item);
                    } else {
                        auto args = py::reinterpret_steal<py::object>(PySequence_Tuple(item));
                        r = args ? PyObject_Call(func.ptr(), args.ptr(), nullptr) : nullptr;
                    }
                    if (!r) throw py::error_already_set();
                    PyList_SET_ITEM(out.ptr(), k, r);
                }
                value = out;
            }
            result = py::make_tuple(job, index, true, value, py::none());
            sendTask(TaskOp::Done, poolId, taskId, name);
        } catch (py::error_already_set& e) {
            if (!e.matches(PyExc_Exception))
                throw; // SystemExit, KeyboardInterrupt: the worker ends
            py::str tb = py::str("").attr("join")(format(e.type(), e.value(), e.trace()));
            result = py::make_tuple(job, index, false, e.value(),
                                    py::str("\n\"\"\"\n") + tb + py::str("\"\"\""));
            sendTask(TaskOp::Error, poolId, taskId, name);
        }
        // A map chunk's list of results, when they are all ints, as numbers (intsFrame).
        const bool chunkOfResults = kind != TaskKind::Apply && result[2].cast<bool>();
        std::string f = chunkOfResults ? intsFrame(job, index, result[3].ptr()) : std::string();
        if (f.empty()) f = frame(pickledResult(result));
        py::gil_scoped_release nogil;
        lockRobust(&locks->write);
        const bool sent = writeAll(resultFd, f.data(), f.size());
        pthread_mutex_unlock(&locks->write);
        if (!sent) break;
    }
}

} // namespace

void terminateLeftoverPools() {
    const auto pools = livePools(); // terminate() edits the set
    for (Pool* p : pools)
        p->terminate();
}

void bindPoolTypes(py::module_& m) {
    py::class_<ResultBase, std::shared_ptr<ResultBase>>(m, "_AsyncResultBase");
    py::class_<ApplyResult, ResultBase, std::shared_ptr<ApplyResult>>(m, "ApplyResult")
        .def("ready", &ApplyResult::ready)
        .def("successful",
             [](py::object self) {
                 auto& r = self.cast<ApplyResult&>();
                 if (!r.ready())
                     raise(PyExc_ValueError, py::repr(self).cast<std::string>() + " not ready");
                 return r.successful();
             })
        .def(
            "wait", [](ApplyResult& r, py::object timeout) { r.wait(timeout); },
            py::arg("timeout") = py::none())
        .def(
            "get",
            [](ApplyResult& r, py::object timeout) -> py::object {
                if (!r.wait(timeout)) {
                    PyErr_SetNone(
                        py::module_::import("multiprocessing").attr("TimeoutError").ptr());
                    throw py::error_already_set();
                }
                if (r.successful()) return r.value();
                PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(r.value().ptr())),
                                r.value().ptr());
                throw py::error_already_set();
            },
            py::arg("timeout") = py::none());
    m.attr("AsyncResult") = m.attr("ApplyResult");
    py::class_<MapResult, ApplyResult, std::shared_ptr<MapResult>>(m, "MapResult");
    py::class_<IMapIterator, ResultBase, std::shared_ptr<IMapIterator>>(m, "IMapIterator")
        .def("__iter__", [](py::object self) { return self; })
        .def("__next__", [](IMapIterator& it) { return it.next(py::none()); })
        .def("next", &IMapIterator::next, py::arg("timeout") = py::none());

    py::class_<Pool>(m, "Pool")
        .def(py::init<py::object, py::object, py::tuple, py::object>(),
             py::arg("processes") = py::none(), py::arg("initializer") = py::none(),
             py::arg("initargs") = py::tuple(), py::arg("maxtasksperchild") = py::none())
        .def(
            "apply",
            [](Pool& p, py::object func, py::object args, py::object kwds) {
                py::object r = p.applyAsync(func, args, kwds, py::none(), py::none());
                return r.attr("get")();
            },
            py::arg("func"), py::arg("args") = py::tuple(), py::arg("kwds") = py::dict())
        .def("apply_async", &Pool::applyAsync, py::arg("func"), py::arg("args") = py::tuple(),
             py::arg("kwds") = py::dict(), py::arg("callback") = py::none(),
             py::arg("error_callback") = py::none())
        .def(
            "map",
            [](Pool& p, py::object func, py::object it, py::object chunksize) {
                return p.mapAsync(func, it, chunksize, py::none(), py::none(), TaskKind::Map)
                    .attr("get")();
            },
            py::arg("func"), py::arg("iterable"), py::arg("chunksize") = py::none())
        .def(
            "map_async",
            [](Pool& p, py::object func, py::object it, py::object chunksize, py::object cb,
               py::object ecb) { return p.mapAsync(func, it, chunksize, cb, ecb, TaskKind::Map); },
            py::arg("func"), py::arg("iterable"), py::arg("chunksize") = py::none(),
            py::arg("callback") = py::none(), py::arg("error_callback") = py::none())
        .def(
            "starmap",
            [](Pool& p, py::object func, py::object it, py::object chunksize) {
                return p.mapAsync(func, it, chunksize, py::none(), py::none(), TaskKind::StarMap)
                    .attr("get")();
            },
            py::arg("func"), py::arg("iterable"), py::arg("chunksize") = py::none())
        .def(
            "starmap_async",
            [](Pool& p, py::object func, py::object it, py::object chunksize, py::object cb,
               py::object ecb) {
                return p.mapAsync(func, it, chunksize, cb, ecb, TaskKind::StarMap);
            },
            py::arg("func"), py::arg("iterable"), py::arg("chunksize") = py::none(),
            py::arg("callback") = py::none(), py::arg("error_callback") = py::none())
        .def(
            "imap",
            [](Pool& p, py::object func, py::object it, int chunksize) {
                return p.imap(func, it, chunksize, false);
            },
            py::arg("func"), py::arg("iterable"), py::arg("chunksize") = 1)
        .def(
            "imap_unordered",
            [](Pool& p, py::object func, py::object it, int chunksize) {
                return p.imap(func, it, chunksize, true);
            },
            py::arg("func"), py::arg("iterable"), py::arg("chunksize") = 1)
        .def("close", &Pool::close)
        .def("terminate", &Pool::terminate)
        .def("join", &Pool::join)
        .def("__enter__",
             [](py::object self) {
                 self.cast<Pool&>().checkRunning();
                 return self;
             })
        .def("__exit__", [](Pool& p, py::args) { p.terminate(); })
        .def("__reduce__",
             [](Pool&) {
                 raise(PyExc_NotImplementedError,
                       "pool objects cannot be passed between processes or pickled");
             })
        .def("__repr__", &Pool::repr);

    m.def("_pool_worker", &poolWorker);
    // multiprocessing.pool's exception classes, as a learner's traceback shows them.
    py::object exc = py::module_::import("builtins").attr("Exception");
    py::object type = py::module_::import("builtins").attr("type");
    m.attr("RemoteTraceback") = type("RemoteTraceback", py::make_tuple(exc),
                                     py::dict("__module__"_a = "multiprocessing.pool"));
    m.attr("MaybeEncodingError") = type("MaybeEncodingError", py::make_tuple(exc),
                                        py::dict("__module__"_a = "multiprocessing.pool"));
}

} // namespace forkscope::runtime

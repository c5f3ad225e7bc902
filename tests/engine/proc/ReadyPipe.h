#pragma once

namespace forkscope::proc::test {

// A pipe a test child writes one byte to when it reached the point the test wants to observe,
// so that the parent does not sample the child while it is still starting up.
class ReadyPipe {
public:
    ReadyPipe();
    ~ReadyPipe();
    ReadyPipe(const ReadyPipe&) = delete;
    ReadyPipe& operator=(const ReadyPipe&) = delete;

    void signal() const; // in the child
    bool wait() const;   // in the parent: true once the byte arrived (5 s at most)

private:
    int fds_[2] = {-1, -1};
};

} // namespace forkscope::proc::test

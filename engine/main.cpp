// forkscope-engine: runs a lesson's script with real processes and reports what they do.

#include "engine/Engine.h"
#include "engine/Options.h"
#include "engine/image/HugeText.h"

#include <cstdio>

int main(int argc, char** argv) {
    forkscope::Options options;
    std::string error;
    switch (forkscope::parseOptions(argc, argv, &options, &error)) {
    case forkscope::ParseResult::Help:
        std::fputs(forkscope::usage().c_str(), stdout);
        return 0;
    case forkscope::ParseResult::Version:
        std::printf("forkscope-engine %s\n", forkscope::Engine::version());
        return 0;
    case forkscope::ParseResult::Error:
        std::fprintf(stderr, "forkscope-engine: %s\n\n%s", error.c_str(),
                     forkscope::usage().c_str());
        return 2;
    case forkscope::ParseResult::Run:
        break;
    }
    // Before the run's first fork, while the engine has one thread.
    std::string why;
    if (forkscope::image::moveTextToHugePages(&why) == forkscope::image::HugeTextResult::Failed)
        std::fprintf(stderr, "forkscope-engine: code left in file pages (%s)\n", why.c_str());
    return forkscope::Engine(options).run();
}

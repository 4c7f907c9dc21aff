#include "process_hardening.hpp"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace haven {

bool harden_process() {
    rlimit no_core{0, 0};
    bool ok = setrlimit(RLIMIT_CORE, &no_core) == 0;
    ok = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
    return ok;
}

}  // namespace haven

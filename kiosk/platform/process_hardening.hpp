// Process settings that keep a visit from leaving traces: no core dumps, not dumpable by other processes.
#pragma once

namespace haven {
bool harden_process();  // false if a setting could not be applied
}

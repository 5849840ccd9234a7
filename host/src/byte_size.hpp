// File sizes as people read them: "812 bytes", "4.2 MiB", "1.3 GiB".
#pragma once

#include <cstdint>
#include <string>

namespace jobcenter {

std::string byte_size_text(std::uintmax_t bytes);

}  // namespace jobcenter

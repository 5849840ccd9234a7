// Finding Finnish personal identity codes (henkilötunnus) inside any text by their shape, date and check
// character, so that the host and plugins can refuse or mask them: Jobcenter stores none.
#pragma once

#include "jobcenter/export.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobcenter {

// A code is DDMMYY, a century sign, a three-digit individual number and a check character: 11 bytes.
inline constexpr std::size_t identity_code_length = 11;
// What --mask-identity-codes and other masking callers put where a code stood.
inline constexpr std::string_view identity_code_mask = "[identity code removed]";

// Where a code stands in a text, in bytes.
struct IdentityCodeSpan {
    std::size_t offset = 0;
    std::size_t length = identity_code_length;
    friend bool operator==(const IdentityCodeSpan&, const IdentityCodeSpan&) = default;
};

// The first code in `text` that starts at or after byte `from`. A code counts when its date exists (in
// its century), its check character is right and it is not part of a longer run of ASCII letters and
// digits; letters match in either case. Allocates nothing.
JOBCENTER_API std::optional<IdentityCodeSpan> find_identity_code(std::string_view text, std::size_t from = 0);

// Every code in `text`, in order; empty (and nothing allocated) when there is none.
JOBCENTER_API std::vector<IdentityCodeSpan> find_identity_codes(std::string_view text);

inline bool contains_identity_code(std::string_view text) { return find_identity_code(text).has_value(); }

// `text` with every code replaced by `replacement`.
JOBCENTER_API std::string mask_identity_codes(std::string_view text,
                                              std::string_view replacement = identity_code_mask);

}  // namespace jobcenter

// Fuzz target: normalising an orderer's name (legal forms, the City of Helsinki and its divisions) and
// folding text into keys, from any bytes. A key is already folded: folding it again changes nothing.
#include "fuzz_target.hpp"
#include "register/normalize/normalize.hpp"
#include "register/normalize/text_fold.hpp"

JOBCENTER_FUZZ_TARGET(name) {
    using namespace jobcenter::register_plugin;
    fold_case(input);
    for (const std::string& key : {fold_key(input), normalize_name(input).key})
        if (fold_key(key) != key) jobcenter::fuzz::finding("name", "folding the key \"" + key + "\" changes it");
}

// Reading and moving on the register's generation (see register_generation.hpp).
#include "register/resident/register_generation.hpp"

namespace jobcenter::register_plugin {

Generation read_generation(Database& db) {
    auto& q = db.cached("SELECT generation, stamp FROM register_generation WHERE id = 1");
    Generation g;
    if (q.step()) g = {q.get_int(0), q.get_int(1)};
    q.reset();
    return g;
}

Generation advance_generation(Database& db) {
    auto& q = db.cached(
        "UPDATE register_generation SET generation = generation + 1, stamp = random() WHERE id = 1 RETURNING generation, stamp");
    Generation g;
    if (q.step()) g = {q.get_int(0), q.get_int(1)};
    q.reset();
    return g;
}

}  // namespace jobcenter::register_plugin

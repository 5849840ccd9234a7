// Showing and setting the seller's details, each value checked before a row is added.
#include "pricing/exports/seller_commands.hpp"

#include "jobcenter/params.hpp"
#include "pricing/exports/invoice_seller.hpp"
#include "pricing/exports/payment_codes.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

json::value optional_text(const std::optional<std::string>& text) {
    return text ? json::value(*text) : json::value(nullptr);
}

json::object seller_json(const Seller& s) {
    return json::object{{"id", s.id},
                        {"name", s.name},
                        {"business_id", optional_text(s.business_id)},
                        {"vat_number", optional_text(s.vat_number)},
                        {"address", optional_text(s.address)},
                        {"iban", optional_text(s.iban)},
                        {"bic", optional_text(s.bic)},
                        {"email", optional_text(s.email)},
                        {"phone", optional_text(s.phone)},
                        {"valid_from", s.valid_from},
                        {"set_by", s.set_by},
                        {"set_at", s.set_at}};
}

json::value seller_show_command(Context& ctx, const json::object& request) {
    const std::string on = params::optional_date(request, "on").value_or(ctx.clock().today_iso());
    const auto seller = seller_on(ctx.db(), on);
    json::object result{{"on", on}};
    if (seller) {
        result["seller"] = seller_json(*seller);
    } else {
        result["seller"] = nullptr;
        result["note"] = "no seller's details are in force on " + on +
                         ": invoices say so, and Finvoice export is refused; set them with `jobcenter pricing seller set`";
    }
    return result;
}

// A value given with the flag, trimmed; nullopt when not given; an InputError when given empty.
std::optional<std::string> given(const json::object& request, std::string_view field, std::string_view flag) {
    auto text = params::optional_string(request, field);
    if (!text) return std::nullopt;
    const auto first = text->find_first_not_of(" \t");
    if (first == std::string::npos) throw InputError("give a value, or leave the flag out", std::string(flag));
    return text->substr(first, text->find_last_not_of(" \t") - first + 1);
}

// An account number as banks print it ("FI21 1234 5600 0007 85") without its spaces, upper case.
std::optional<std::string> compact_upper(std::optional<std::string> text) {
    if (!text) return text;
    std::string out;
    for (char c : *text)
        if (c != ' ') out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return out;
}

Seller checked_seller(Context& ctx, const json::object& request) {
    Seller s;
    s.name = given(request, "name", "--name").value_or("");
    if (s.name.size() < 2) throw InputError("the seller's name must be at least two characters", "--name");
    s.business_id = given(request, "business_id", "--business-id");
    if (s.business_id && !business_id_valid(*s.business_id))
        throw InputError("'" + *s.business_id + "' is not a valid business ID (1234567-8, with its check digit)",
                         "--business-id");
    s.vat_number = compact_upper(given(request, "vat_number", "--vat-number"));
    s.address = given(request, "address", "--address");
    s.iban = compact_upper(given(request, "iban", "--iban"));
    if (s.iban && !iban_valid(*s.iban)) throw InputError("'" + *s.iban + "' is not a valid IBAN (its check fails)", "--iban");
    s.bic = compact_upper(given(request, "bic", "--bic"));
    if (s.bic && !bic_valid(*s.bic)) throw InputError("'" + *s.bic + "' is not a BIC (8 or 11 letters and digits)", "--bic");
    if (s.bic && !s.iban) throw InputError("a BIC belongs to an account: give --iban too", "--bic");
    s.email = given(request, "email", "--email");
    s.phone = given(request, "phone", "--phone");
    const auto from = params::optional_date(request, "from");
    if (!from) throw UsageError("give the first day the details are in force: --from YYYY-MM-DD", "--from");
    s.valid_from = *from;
    s.set_by = std::string(role_name(ctx.role())) + (ctx.unit().empty() ? "" : " of " + ctx.unit());
    s.set_at = ctx.clock().now_iso();
    return s;
}

json::value seller_set_command(Context& ctx, const json::object& request) {
    Seller seller = checked_seller(ctx, request);
    seller.id = add_seller(ctx.db(), seller);
    ctx.audit("pricing.seller-set", "invoice_seller", std::to_string(seller.id), seller.name + " from " + seller.valid_from);
    return seller_json(seller);
}

}  // namespace

std::vector<Command> seller_commands() {
    const Command show{.name = "seller-show",
                       .summary = "show the seller's details invoices print on a day",
                       .flags = {{.name = "on", .type = FlagType::date, .help = "the day (default today)"}},
                       .access = Access::read,
                       .min_role = Role::viewer,
                       .run = seller_show_command};
    const Command set{
        .name = "seller-set",
        .summary = "set the seller's details invoices print, from a day on (administrator; history is kept)",
        .help = "Each call adds a complete row in force from --from until a later one; invoices show the row in force on\n"
                "their invoice date. Leave out what the installation does not have: nothing is assumed.\n"
                "Finvoice export needs --name and --iban.",
        .flags = {{.name = "name", .type = FlagType::string, .help = "the organisation invoicing", .required = true},
                  {.name = "business-id", .type = FlagType::string, .help = "its business ID, 1234567-8"},
                  {.name = "vat-number", .type = FlagType::string, .help = "its VAT number, FI12345678"},
                  {.name = "address", .type = FlagType::string, .help = "street, postcode and city: 'Katu 1, 00100 Helsinki'"},
                  {.name = "iban", .type = FlagType::string, .help = "the account orderers pay to"},
                  {.name = "bic", .type = FlagType::string, .help = "the account's BIC"},
                  {.name = "email", .type = FlagType::string, .help = "invoicing email address"},
                  {.name = "phone", .type = FlagType::string, .help = "invoicing phone number"},
                  {.name = "from", .type = FlagType::date, .help = "the first day the details are in force", .required = true}},
        .access = Access::write,
        .min_role = Role::admin,
        .run = seller_set_command};
    return {show, set};
}

}  // namespace jobcenter::pricing

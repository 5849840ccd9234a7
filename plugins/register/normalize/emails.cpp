// Normalising the internet addresses an orderer gives: email addresses (with generic mailboxes and free-mail
// domains flagged as weak evidence) and websites (reduced to host and path).
#include "register/normalize/normalize.hpp"

#include <algorithm>

#include "register/normalize/key_text.hpp"
#include "register/normalize/text_fold.hpp"

namespace jobcenter::register_plugin {
namespace {

using key_text::is_digit;
using key_text::is_letter;
using key_text::trim;

// --- word lists ---------------------------------------------------------------------------------------------

// Mailbox names shared by a whole organisation or service: info@, toimisto@, office@, ...
constexpr std::string_view generic_mailbox_names[] = {
    "info", "toimisto", "office", "contact", "contactus", "asiakaspalvelu", "myynti", "sales", "admin",
    "kirjaamo", "registry", "hello", "hei", "moi", "posti", "mail", "email", "tilaukset", "tilaus", "orders",
    "order", "support", "tuki", "help", "helpdesk", "palaute", "feedback", "webmaster", "postmaster",
    "hostmaster", "noreply", "no-reply", "donotreply", "reception", "vastaanotto", "laskutus", "billing",
    "invoice", "invoices", "lasku", "laskut", "ostolaskut", "hr", "rekry", "rekrytointi", "jobs", "careers",
    "recruitment", "marketing", "markkinointi", "viestinta", "communications", "press", "media", "service",
    "customerservice", "kundtjanst", "kontakt", "yhteys", "yhteydenotot", "huolto", "team", "general", "ostot",
    "hankinnat", "hankinta", "purchasing", "accounting", "kirjanpito", "talous", "finance", "toimitus",
    "varaukset", "varaus", "booking", "bookings", "reservations", "enquiries", "inquiries", "enquiry", "inquiry",
    "palvelu", "palvelut", "asiakkaat", "yritysmyynti", "tiedotus", "kanslia"};

// Domains (and their subdomains) where anyone can get an address.
constexpr std::string_view free_mail_domain_names[] = {
    "gmail.com", "googlemail.com", "icloud.com", "me.com", "mac.com", "aol.com", "msn.com", "protonmail.com",
    "proton.me", "pm.me", "mail.com", "email.com", "inbox.com", "gmx.com", "gmx.net", "gmx.de", "web.de",
    "t-online.de", "mail.ru", "yandex.ru", "yandex.com", "zoho.com", "tutanota.com", "hushmail.com",
    "fastmail.com", "rocketmail.com", "comcast.net", "sbcglobal.net", "att.net", "verizon.net",
    "earthlink.net", "juno.com", "cox.net", "charter.net", "bellsouth.net", "qq.com", "163.com", "wp.pl",
    "o2.pl", "seznam.cz", "luukku.com", "suomi24.fi", "kolumbus.fi", "welho.com", "elisanet.fi",
    "saunalahti.fi", "inet.fi", "netti.fi", "dnainternet.net", "kotiposti.net", "anvianet.fi", "surffi.fi",
    "mbnet.fi", "phnet.fi", "jippii.fi", "sci.fi", "iki.fi", "nic.fi", "telia.com", "spray.se", "bredband.net",
    "online.no"};

// Brands that give free mail under many country domains: hotmail.fi, outlook.com, yahoo.co.uk, live.se.
constexpr std::string_view free_mail_brands[] = {"hotmail", "outlook", "live", "yahoo",
                                                 "ymail", "windowslive", "gmail"};

// --- emails -------------------------------------------------------------------------------------------------

const key_text::WordSet& generic_mailboxes() {
    static const key_text::WordSet names = key_text::word_set(generic_mailbox_names);
    return names;
}

const key_text::WordSet& free_mail_domains() {
    static const key_text::WordSet domains = key_text::word_set(free_mail_domain_names);
    return domains;
}

bool is_free_mail(std::string_view domain) {
    const auto& domains = free_mail_domains();
    for (std::string_view d = domain;;) {
        if (domains.count(d)) return true;
        auto dot = d.find('.');
        if (dot == std::string_view::npos) break;
        d.remove_prefix(dot + 1);
    }
    auto dot = domain.find('.');
    if (dot == std::string_view::npos || !key_text::is_one_of(free_mail_brands, domain.substr(0, dot))) return false;
    auto rest = domain.substr(dot + 1);  // "fi", "com", "co.uk", "com.au"
    auto second = rest.find('.');
    return second == std::string_view::npos || (second <= 3 && rest.find('.', second + 1) == std::string_view::npos);
}

bool is_local_part_char(char c) {
    if (is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80)
        return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
}

bool is_domain_char(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
}

std::string lower_ascii_or_fold(std::string_view s) {
    if (!is_ascii(s)) return fold_case(s);
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool valid_domain(std::string_view d) {
    if (d.size() < 4 || d.find('.') == std::string_view::npos) return false;
    std::size_t start = 0;
    while (true) {
        std::size_t end = d.find('.', start);
        std::string_view label = d.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        if (end == std::string_view::npos) {
            // The top-level domain: letters (or an IDN "xn--" label).
            return label.size() >= 2 && (std::all_of(label.begin(), label.end(), [](char c) { return is_letter(c); }) ||
                                         label.starts_with("xn--"));
        }
        start = end + 1;
    }
}

bool valid_local_part(std::string_view l) {
    return !l.empty() && l.size() <= 64 && l.front() != '.' && l.back() != '.' && l.find("..") == std::string_view::npos;
}

// "info(at)firma.fi", "info [at] firma.fi" -> "info@firma.fi".
std::string with_at_signs(std::string_view raw) {
    if (raw.find('@') != std::string_view::npos) return std::string(raw);
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        auto rest = raw.substr(i);
        auto marker = [&](std::string_view m) {
            if (rest.size() < m.size()) return false;
            for (std::size_t k = 0; k < m.size(); ++k)
                if ((rest[k] >= 'A' && rest[k] <= 'Z' ? rest[k] - 'A' + 'a' : rest[k]) != m[k]) return false;
            return true;
        };
        if (marker("(at)") || marker("[at]")) {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            out += '@';
            i += 3;
            while (i + 1 < raw.size() && raw[i + 1] == ' ') ++i;
        } else {
            out += raw[i];
        }
    }
    return out;
}

// Every address in the text: around each '@', as far as the characters of an address go.
std::vector<std::string_view> email_candidates(std::string_view text) {
    std::vector<std::string_view> found;
    std::size_t from = 0;
    while (true) {
        std::size_t at = text.find('@', from);
        if (at == std::string_view::npos) break;
        std::size_t start = at;
        while (start > from && is_local_part_char(text[start - 1])) --start;
        std::size_t end = at + 1;
        while (end < text.size() && is_domain_char(text[end])) ++end;
        std::size_t domain_end = end;
        while (domain_end > at + 1 && (text[domain_end - 1] == '.' || text[domain_end - 1] == '-')) --domain_end;
        found.push_back(text.substr(start, domain_end - start));
        from = end;
    }
    return found;
}

NormalizedEmail email_of(std::string_view candidate) {
    NormalizedEmail e;
    e.address = lower_ascii_or_fold(candidate);
    auto at = e.address.find('@');
    std::string_view local = std::string_view(e.address).substr(0, at);
    e.domain = e.address.substr(at + 1);
    e.valid = valid_local_part(local) && valid_domain(e.domain);
    std::string_view mailbox = local.substr(0, local.find('+'));  // "info+tilaukset@" is still info@
    e.generic_mailbox = generic_mailboxes().count(mailbox) > 0;
    e.free_mail = is_free_mail(e.domain);
    return e;
}

}  // namespace

NormalizedEmail normalize_email(std::string_view raw) {
    std::string text = with_at_signs(trim(raw));
    auto candidates = email_candidates(text);
    if (candidates.empty()) return {};
    NormalizedEmail first = email_of(candidates.front());
    for (std::size_t i = 1; i < candidates.size(); ++i) {
        NormalizedEmail more = email_of(candidates[i]);
        if (more.valid && more.address != first.address) first.others.push_back(std::move(more.address));
    }
    return first;
}

std::string website_key(std::string_view raw) {
    std::string_view text = trim(raw);
    text = text.substr(0, text.find_first_of(" \t\r\n;,"));
    if (auto scheme = text.find("://"); scheme != std::string_view::npos) text.remove_prefix(scheme + 3);
    text = text.substr(0, text.find_first_of("?#"));
    std::string key = lower_ascii_or_fold(text);
    if (key.starts_with("www")) {
        std::size_t i = 3;
        while (i < key.size() && is_digit(key[i])) ++i;
        if (i < key.size() && key[i] == '.') key.erase(0, i + 1);
    }
    while (!key.empty() && (key.back() == '/' || key.back() == '.')) key.pop_back();
    auto host = std::string_view(key).substr(0, key.find('/'));
    if (host.find('.') == std::string_view::npos || host.find('@') != std::string_view::npos) return {};
    return key;
}

}  // namespace jobcenter::register_plugin

// Writing one invoice as Finvoice 3.0 XML, block by block in the schema's order; field lengths as the schema sets
// them (names 70 characters, streets and towns 35, article names 100).
#include "pricing/exports/finvoice_xml.hpp"

#include "jobcenter/errors.hpp"
#include "pricing/exports/hours_text.hpp"
#include "pricing/exports/payment_codes.hpp"
#include "pricing/exports/xml_writer.hpp"

namespace jobcenter::pricing {
namespace {

struct PostalAddress {
    std::string street, postcode, town;
};

// "Katu 1, 00100 Helsinki" as street, postcode and town; nullopt when it is not of that form.
std::optional<PostalAddress> postal_address(const std::optional<std::string>& line) {
    if (!line) return std::nullopt;
    const auto comma = line->rfind(", ");
    if (comma == std::string::npos) return std::nullopt;
    const std::string place = line->substr(comma + 2);
    const auto space = place.find(' ');
    if (space != 5 || place.find_first_not_of("0123456789") != 5) return std::nullopt;
    PostalAddress address{line->substr(0, comma), place.substr(0, 5), place.substr(6)};
    if (address.street.size() < 2 || address.town.size() < 2) return std::nullopt;
    return address;
}

// Finvoice writes amounts and decimals with a comma: "145,00", "25,5".
std::string comma_decimal(std::string text) {
    for (auto& c : text)
        if (c == '.') c = ',';
    return text;
}
std::string amount(Money money) { return comma_decimal(money.to_string()); }
const XmlAttributes& euros() {
    static const XmlAttributes attributes{{"AmountCurrencyIdentifier", "EUR"}};
    return attributes;
}
const XmlAttributes& date_format() {
    static const XmlAttributes attributes{{"Format", "CCYYMMDD"}};
    return attributes;
}
std::string date(std::string_view iso) {
    std::string digits;
    for (char c : iso)
        if (c != '-') digits += c;
    return digits;
}

void write_address(XmlWriter& xml, std::string_view prefix, const PostalAddress& address) {
    const std::string p(prefix);
    xml.open(p + "PostalAddressDetails");
    xml.leaf(p + "StreetName", fit(address.street, 35));
    xml.leaf(p + "TownName", fit(address.town, 35));
    xml.leaf(p + "PostCodeIdentifier", address.postcode);
    xml.leaf("CountryCode", "FI");
    xml.close(p + "PostalAddressDetails");
}

void write_seller(XmlWriter& xml, const Seller& seller) {
    xml.open("SellerPartyDetails");
    if (seller.business_id) xml.leaf("SellerPartyIdentifier", *seller.business_id);
    xml.leaf("SellerOrganisationName", fit(seller.name, 70));
    if (seller.vat_number) xml.leaf("SellerOrganisationTaxCode", *seller.vat_number);
    if (auto address = postal_address(seller.address)) write_address(xml, "Seller", *address);
    xml.close("SellerPartyDetails");
    if (seller.phone || seller.email) {
        xml.open("SellerCommunicationDetails");
        if (seller.phone) xml.leaf("SellerPhoneNumberIdentifier", fit(*seller.phone, 35));
        if (seller.email) xml.leaf("SellerEmailaddressIdentifier", fit(*seller.email, 70));
        xml.close("SellerCommunicationDetails");
    }
    if (seller.bic) {  // an account is written with its BIC or not at all
        xml.open("SellerInformationDetails");
        xml.open("SellerAccountDetails");
        xml.leaf("SellerAccountID", *seller.iban, {{"IdentificationSchemeName", "IBAN"}});
        xml.leaf("SellerBic", *seller.bic, {{"IdentificationSchemeName", "BIC"}});
        xml.close("SellerAccountDetails");
        xml.close("SellerInformationDetails");
    }
}

void write_buyer(XmlWriter& xml, const InvoiceRecord& invoice) {
    xml.open("BuyerPartyDetails");
    if (invoice.business_id) xml.leaf("BuyerPartyIdentifier", *invoice.business_id);
    xml.leaf("BuyerOrganisationName", fit(invoice.orderer_name, 70));
    if (auto address = postal_address(invoice.address)) write_address(xml, "Buyer", *address);
    xml.close("BuyerPartyDetails");
}

void write_delivery(XmlWriter& xml, const RunHeaderRecord& run) {
    xml.open("DeliveryDetails");
    xml.open("DeliveryPeriodDetails");
    xml.leaf("StartDate", date(run.period_from), date_format());
    xml.leaf("EndDate", date(run.period_to), date_format());
    xml.close("DeliveryPeriodDetails");
    xml.close("DeliveryDetails");
}

void write_invoice_details(XmlWriter& xml, const InvoicePage& page, Language language) {
    const InvoiceRecord& i = *page.invoice;
    const bool credit = i.gross < Money{};
    xml.open("InvoiceDetails");
    xml.leaf("InvoiceTypeCode", credit ? "INV02" : "INV01");
    xml.leaf("InvoiceTypeCodeUN", credit ? "381" : "380");
    if (language == Language::fi)
        xml.leaf("InvoiceTypeText", credit ? "HYVITYSLASKU" : "LASKU");
    else
        xml.leaf("InvoiceTypeText", credit ? "CREDIT NOTE" : "INVOICE");
    xml.leaf("OriginCode", "Original");
    xml.leaf("InvoiceNumber", fit(i.number, 20));
    xml.leaf("InvoiceDate", date(i.invoice_date), date_format());
    xml.leaf("InvoicingPeriodStartDate", date(page.record->run.period_from), date_format());
    xml.leaf("InvoicingPeriodEndDate", date(page.record->run.period_to), date_format());
    xml.leaf("InvoiceTotalVatExcludedAmount", amount(i.net), euros());
    xml.leaf("InvoiceTotalVatAmount", amount(i.vat), euros());
    xml.leaf("InvoiceTotalVatIncludedAmount", amount(i.gross), euros());
    for (const auto& v : i.vat_totals) {
        xml.open("VatSpecificationDetails");
        xml.leaf("VatBaseAmount", amount(v.net), euros());
        xml.leaf("VatRatePercent", comma_decimal(v.vat_percent));
        xml.leaf("VatCode", "S");
        xml.leaf("VatRateAmount", amount(v.vat), euros());
        xml.close("VatSpecificationDetails");
    }
    xml.open("PaymentTermsDetails");
    xml.leaf("InvoiceDueDate", date(i.due_date), date_format());
    xml.close("PaymentTermsDetails");
    xml.close("InvoiceDetails");
}

void write_row(XmlWriter& xml, const RunLine& l, std::size_t position, const InvoicePage& page, Language language) {
    static const XmlAttributes hours{{"QuantityUnitCode", "h"}, {"QuantityUnitCodeUN", "HUR"}};
    static const XmlAttributes hourly_price{{"AmountCurrencyIdentifier", "EUR"}, {"UnitPriceUnitCode", "h"},
                                            {"QuantityUnitCodeUN", "HUR"}};
    const bool fi = language == Language::fi;
    xml.open("InvoiceRow");
    xml.leaf("ArticleIdentifier", fit(l.task_type, 70));
    xml.leaf("ArticleName", fit(page.tasks->name_of(l.task_type, language), 100));
    xml.leaf("InvoicedQuantity", comma_decimal(hours_text(l.minutes)), hours);
    xml.leaf("UnitPriceAmount", amount(l.unit_price), hourly_price);
    xml.leaf("RowPositionIdentifier", std::to_string(position));
    xml.leaf("RowDeliveryDate", date(l.date), date_format());
    std::string free_text = (fi ? "Tilaus " : "Order ") + l.order_id;
    if (l.kind == LineKind::adjustment) free_text += fi ? ", oikaisu" : ", adjustment";
    xml.leaf("RowFreeText", fit(free_text, 512));
    if (l.discount != Money{}) {
        xml.leaf("RowDiscountPercent", comma_decimal(l.discount_percent));
        xml.leaf("RowDiscountAmount", amount(l.discount), euros());
    }
    xml.leaf("RowVatRatePercent", comma_decimal(l.vat_percent));
    xml.leaf("RowVatCode", "S");
    xml.leaf("RowVatAmount", amount(l.vat), euros());
    xml.leaf("RowVatExcludedAmount", amount(l.net), euros());
    xml.leaf("RowAmount", amount(l.gross), euros());
    xml.close("InvoiceRow");
}

void write_payment(XmlWriter& xml, const InvoiceRecord& invoice, const Seller& seller) {
    const auto reference = finnish_reference(invoice.number);
    xml.open("EpiDetails");
    xml.open("EpiIdentificationDetails");
    xml.leaf("EpiDate", date(invoice.invoice_date), date_format());
    xml.leaf("EpiReference", reference.value_or(fit(invoice.number, 35)));
    xml.close("EpiIdentificationDetails");
    xml.open("EpiPartyDetails");
    xml.open("EpiBfiPartyDetails");
    if (seller.bic) xml.leaf("EpiBfiIdentifier", *seller.bic, {{"IdentificationSchemeName", "BIC"}});
    xml.close("EpiBfiPartyDetails");
    xml.open("EpiBeneficiaryPartyDetails");
    xml.leaf("EpiNameAddressDetails", fit(seller.name, 35));
    if (seller.business_id) xml.leaf("EpiBei", *seller.business_id);
    xml.leaf("EpiAccountID", *seller.iban, {{"IdentificationSchemeName", "IBAN"}});
    xml.close("EpiBeneficiaryPartyDetails");
    xml.close("EpiPartyDetails");
    xml.open("EpiPaymentInstructionDetails");
    if (reference) xml.leaf("EpiRemittanceInfoIdentifier", *reference, {{"IdentificationSchemeName", "SPY"}});
    xml.leaf("EpiInstructedAmount", amount(invoice.gross), euros());
    xml.leaf("EpiCharge", "SHA", {{"ChargeOption", "SHA"}});
    xml.leaf("EpiDateOptionDate", date(invoice.due_date), date_format());
    xml.close("EpiPaymentInstructionDetails");
    xml.close("EpiDetails");
}

const Seller& payable_seller(const InvoicePage& page) {
    if (!page.seller || !page.seller->iban)
        throw RefusedError("a Finvoice invoice needs the seller's name and IBAN, and none is set in force on " +
                               page.invoice->invoice_date + ": an administrator sets them with "
                               "`jobcenter pricing seller set --name NAME --iban IBAN --from DATE`",
                           "--as finvoice");
    return *page.seller;
}

}  // namespace

std::string finvoice_xml(const InvoicePage& page, Language language) {
    const Seller& seller = payable_seller(page);
    XmlWriter xml(R"(<?xml version="1.0" encoding="UTF-8"?>)");
    xml.open("Finvoice", {{"Version", "3.0"},
                          {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"},
                          {"xsi:noNamespaceSchemaLocation", "Finvoice3.0.xsd"}});
    write_seller(xml, seller);
    write_buyer(xml, *page.invoice);
    write_delivery(xml, page.record->run);
    write_invoice_details(xml, page, language);
    std::size_t position = 0;
    for (auto index : page.invoice->lines) write_row(xml, page.record->lines[index], ++position, page, language);
    write_payment(xml, *page.invoice, seller);
    xml.close("Finvoice");
    return xml.text();
}

}  // namespace jobcenter::pricing

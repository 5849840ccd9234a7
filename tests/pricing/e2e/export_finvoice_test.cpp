// End-to-end tests of `pricing payroll export --as finvoice`: refused without the seller's name and IBAN; with them,
// a well-formed Finvoice 3.0 message whose elements stand in the order of the Finvoice 3.0 schema, whose values
// have the schema's forms (amounts "145,00", dates CCYYMMDD), and whose rows add up to its totals. No Debian package
// ships the Finvoice XSD, so the message is not validated against it here (docs/pricing-exports.md).
#include <gtest/gtest.h>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <map>
#include <regex>
#include <sstream>

#include "pricing/support/export_cli_fixture.hpp"

namespace {
namespace pt = boost::property_tree;
using jobcenter::Money;
using jobcenter::testing::ExportCliTest;
using PayrollExportFinvoice = ExportCliTest;

// The children each element may have, in the order the Finvoice 3.0 schema gives them (the elements this export
// writes and their neighbours), and those it must have.
struct ElementRule {
    std::vector<std::string> order;
    std::vector<std::string> required;
};

const std::map<std::string, ElementRule>& finvoice_rules() {
    static const std::map<std::string, ElementRule> rules{
        {"Finvoice",
         {{"MessageTransmissionDetails", "SellerPartyDetails", "SellerOrganisationUnitNumber", "SellerSiteCode",
           "SellerContactPersonName", "SellerContactPersonFunction", "SellerContactPersonDepartment",
           "SellerCommunicationDetails", "SellerInformationDetails", "InvoiceSenderPartyDetails",
           "InvoiceRecipientPartyDetails", "BuyerPartyDetails", "BuyerOrganisationUnitNumber", "BuyerSiteCode",
           "BuyerContactPersonName", "BuyerCommunicationDetails", "DeliveryPartyDetails", "DeliveryDetails",
           "AnyPartyDetails", "InvoiceDetails", "PaymentCardInfo", "DirectDebitInfo", "PaymentStatusDetails",
           "PartialPaymentDetails", "FactoringAgreementDetails", "VirtualBankBarcode", "InvoiceRow",
           "SpecificationDetails", "EpiDetails"},
          {"SellerPartyDetails", "BuyerPartyDetails", "InvoiceDetails", "InvoiceRow", "EpiDetails"}}},
        {"SellerPartyDetails",
         {{"SellerPartyIdentifier", "SellerPartyIdentifierUrlText", "SellerOrganisationName",
           "SellerOrganisationTradingName", "SellerOrganisationDepartment", "SellerOrganisationTaxCode",
           "SellerOrganisationTaxCodeUrlText", "SellerCode", "SellerPostalAddressDetails"},
          {"SellerOrganisationName"}}},
        {"SellerPostalAddressDetails",
         {{"SellerStreetName", "SellerTownName", "SellerPostCodeIdentifier", "SellerCountrySubdivision", "CountryCode"},
          {"SellerStreetName", "SellerTownName", "SellerPostCodeIdentifier"}}},
        {"SellerCommunicationDetails", {{"SellerPhoneNumberIdentifier", "SellerEmailaddressIdentifier"}, {}}},
        {"SellerInformationDetails", {{"SellerWebaddressIdentifier", "SellerFreeText", "SellerAccountDetails"}, {}}},
        {"SellerAccountDetails", {{"SellerAccountID", "SellerBic", "SellerAccountName"}, {"SellerAccountID", "SellerBic"}}},
        {"BuyerPartyDetails",
         {{"BuyerPartyIdentifier", "BuyerOrganisationName", "BuyerOrganisationTradingName", "BuyerOrganisationDepartment",
           "BuyerOrganisationTaxCode", "BuyerCode", "BuyerPostalAddressDetails"},
          {"BuyerOrganisationName"}}},
        {"BuyerPostalAddressDetails",
         {{"BuyerStreetName", "BuyerTownName", "BuyerPostCodeIdentifier", "BuyerCountrySubdivision", "CountryCode"},
          {"BuyerStreetName", "BuyerTownName", "BuyerPostCodeIdentifier"}}},
        {"DeliveryDetails", {{"DeliveryDate", "DeliveryPeriodDetails", "ShipmentPartyDetails"}, {}}},
        {"DeliveryPeriodDetails", {{"StartDate", "EndDate"}, {"StartDate", "EndDate"}}},
        {"InvoiceDetails",
         {{"InvoiceTypeCode", "InvoiceTypeCodeUN", "InvoiceTypeText", "InvoiceClassification", "OriginCode", "OriginText",
           "InvoicedObjectID", "InvoiceNumber", "InvoiceDate", "OriginalInvoiceNumber", "OriginalInvoiceDate",
           "OriginalInvoiceReference", "InvoicingPeriodStartDate", "InvoicingPeriodEndDate", "SellerReferenceIdentifier",
           "OrderIdentifier", "BuyerReferenceIdentifier", "RowsTotalVatExcludedAmount", "DiscountsTotalVatExcludedAmount",
           "ChargesTotalVatExcludedAmount", "InvoiceTotalVatExcludedAmount", "InvoiceTotalVatAmount",
           "InvoiceTotalVatAccountingAmount", "InvoiceTotalVatIncludedAmount", "VatPoint", "VatSpecificationDetails",
           "InvoiceFreeText", "InvoiceVatFreeText", "PaymentTermsDetails"},
          {"InvoiceTypeCode", "InvoiceTypeText", "OriginCode", "InvoiceNumber", "InvoiceDate",
           "InvoiceTotalVatIncludedAmount"}}},
        {"VatSpecificationDetails", {{"VatBaseAmount", "VatRatePercent", "VatCode", "VatRateAmount", "VatFreeText"}, {}}},
        {"PaymentTermsDetails", {{"PaymentTermsFreeText", "FreeText", "InvoiceDueDate"}, {}}},
        {"InvoiceRow",
         {{"RowSubIdentifier", "InvoicedObjectID", "ArticleIdentifier", "ArticleGroupIdentifier", "ArticleName",
           "ArticleDescription", "DeliveredQuantity", "OrderedQuantity", "InvoicedQuantity", "StartDate", "EndDate",
           "UnitPriceAmount", "UnitPriceDiscountAmount", "UnitPriceNetAmount", "RowIdentifier", "RowPositionIdentifier",
           "RowDeliveryIdentifier", "RowDeliveryDate", "RowFreeText", "RowDiscountPercent", "RowDiscountAmount",
           "RowDiscountTypeText", "RowVatRatePercent", "RowVatCode", "RowVatAmount", "RowVatExcludedAmount", "RowAmount"},
          {}}},
        {"EpiDetails",
         {{"EpiIdentificationDetails", "EpiPartyDetails", "EpiPaymentInstructionDetails"},
          {"EpiIdentificationDetails", "EpiPartyDetails", "EpiPaymentInstructionDetails"}}},
        {"EpiIdentificationDetails", {{"EpiDate", "EpiReference", "EpiUrl"}, {"EpiDate", "EpiReference"}}},
        {"EpiPartyDetails",
         {{"EpiBfiPartyDetails", "EpiBeneficiaryPartyDetails"}, {"EpiBfiPartyDetails", "EpiBeneficiaryPartyDetails"}}},
        {"EpiBfiPartyDetails", {{"EpiBfiIdentifier", "EpiBfiName"}, {}}},
        {"EpiBeneficiaryPartyDetails", {{"EpiNameAddressDetails", "EpiBei", "EpiAccountID"}, {"EpiAccountID"}}},
        {"EpiPaymentInstructionDetails",
         {{"EpiPaymentInstructionId", "EpiTransactionTypeCode", "EpiInstructionCode", "EpiRemittanceInfoIdentifier",
           "EpiInstructedAmount", "EpiCharge", "EpiDateOptionDate", "EpiPaymentMeansCode"},
          {"EpiInstructedAmount", "EpiCharge", "EpiDateOptionDate"}}},
    };
    return rules;
}

// Every element with a rule has only the children the rule lists, in its order, and those it requires.
void expect_schema_order(const std::string& name, const pt::ptree& element, const std::string& path) {
    const auto rule = finvoice_rules().find(name);
    std::size_t last = 0;
    std::vector<std::string> seen;
    for (const auto& [child, subtree] : element) {
        if (child == "<xmlattr>") continue;
        if (rule != finvoice_rules().end()) {
            const auto& order = rule->second.order;
            const auto at = std::find(order.begin(), order.end(), child);
            ASSERT_NE(at, order.end()) << path << " may not hold " << child;
            const auto index = static_cast<std::size_t>(at - order.begin());
            EXPECT_GE(index, last) << path << ": " << child << " comes too late";
            last = index;
        }
        seen.push_back(child);
        expect_schema_order(child, subtree, path + "/" + child);
    }
    if (rule == finvoice_rules().end()) return;
    for (const auto& required : rule->second.required)
        EXPECT_NE(std::find(seen.begin(), seen.end(), required), seen.end()) << path << " lacks " << required;
}

pt::ptree parsed(const std::string& xml) {
    std::istringstream in(xml);
    pt::ptree tree;
    pt::read_xml(in, tree);  // throws on a message that is not well-formed
    return tree;
}

Money amount_of(const pt::ptree& node) {
    std::string text = node.get_value<std::string>();
    for (auto& c : text)
        if (c == ',') c = '.';
    return Money::parse(text);
}

TEST_F(PayrollExportFinvoice, WithoutTheSellersIbanTheExportIsRefused) {
    const std::string before = database_contents();
    const auto r = as(coordinator, {"pricing", "payroll", "export", run(), "--as", "finvoice", "--invoice", "2024-000002"});
    EXPECT_EQ(r.exit_code, 5);
    EXPECT_NE(r.err.find("--as finvoice: a Finvoice invoice needs the seller's name and IBAN"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("pricing seller set"), std::string::npos) << r.err;
    EXPECT_EQ(database_contents(), before);
}

TEST_F(PayrollExportFinvoice, TheMessageFollowsTheSchemasOrderAndAddsUp) {
    set_seller({"--business-id", "1234567-1", "--vat-number", "FI12345671", "--phone", "+358 9 310 1"});
    const auto r = as(coordinator, {"pricing", "payroll", "export", run(), "--as", "finvoice", "--invoice", "2024-000002"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Finvoice Version=\"3.0\"", 0), 0u) << r.out.substr(0, 120);
    const pt::ptree tree = parsed(r.out);
    const pt::ptree& finvoice = tree.get_child("Finvoice");
    EXPECT_EQ(finvoice.get<std::string>("<xmlattr>.Version"), "3.0");
    expect_schema_order("Finvoice", finvoice, "Finvoice");

    EXPECT_EQ(finvoice.get<std::string>("SellerPartyDetails.SellerPartyIdentifier"), "1234567-1");
    EXPECT_EQ(finvoice.get<std::string>("SellerPartyDetails.SellerOrganisationName"), "Helsingin työtoiminta");
    EXPECT_EQ(finvoice.get<std::string>("SellerPartyDetails.SellerPostalAddressDetails.SellerPostCodeIdentifier"), "00100");
    EXPECT_EQ(finvoice.get<std::string>("BuyerPartyDetails.BuyerOrganisationName"), "Kallion Kukka Ky");
    EXPECT_EQ(finvoice.get<std::string>("BuyerPartyDetails.BuyerPartyIdentifier"), "1234567-1");
    EXPECT_EQ(finvoice.get<std::string>("BuyerPartyDetails.BuyerPostalAddressDetails.BuyerStreetName"), "Fleminginkatu 7");
    EXPECT_EQ(finvoice.get<std::string>("BuyerPartyDetails.BuyerPostalAddressDetails.BuyerTownName"), "Helsinki");

    const pt::ptree& details = finvoice.get_child("InvoiceDetails");
    EXPECT_EQ(details.get<std::string>("InvoiceTypeCode"), "INV01");
    EXPECT_EQ(details.get<std::string>("InvoiceNumber"), "2024-000002");
    EXPECT_EQ(details.get<std::string>("InvoiceDate"), "20241004");
    EXPECT_EQ(details.get<std::string>("InvoiceDate.<xmlattr>.Format"), "CCYYMMDD");
    EXPECT_EQ(details.get<std::string>("InvoiceTotalVatIncludedAmount"), "69,73");
    EXPECT_EQ(details.get<std::string>("InvoiceTotalVatIncludedAmount.<xmlattr>.AmountCurrencyIdentifier"), "EUR");
    EXPECT_EQ(details.get<std::string>("PaymentTermsDetails.InvoiceDueDate"), "20241018");

    const std::regex amount_form(R"(-?[0-9]{1,15}(,[0-9]{2,5})?)");
    const std::regex percent_form(R"([1-9]?[0-9]{1,2}(,[0-9]{1,3})?)");
    Money rows_net, rows_vat, rows_gross, specified_vat;
    std::vector<std::string> rates;
    for (const auto& [name, node] : details)
        if (name == "VatSpecificationDetails") {
            rates.push_back(node.get<std::string>("VatRatePercent"));
            specified_vat += amount_of(node.get_child("VatRateAmount"));
        }
    EXPECT_EQ(rates, (std::vector<std::string>{"24", "25,5"}));
    std::size_t rows = 0;
    for (const auto& [name, node] : finvoice) {
        if (name != "InvoiceRow") continue;
        ++rows;
        for (const char* field : {"UnitPriceAmount", "RowVatAmount", "RowVatExcludedAmount", "RowAmount"})
            EXPECT_TRUE(std::regex_match(node.get<std::string>(field), amount_form)) << field;
        EXPECT_TRUE(std::regex_match(node.get<std::string>("RowVatRatePercent"), percent_form));
        EXPECT_EQ(node.get<std::string>("InvoicedQuantity.<xmlattr>.QuantityUnitCodeUN"), "HUR");
        EXPECT_EQ(node.get<std::string>("RowDeliveryDate").size(), 8u);
        rows_net += amount_of(node.get_child("RowVatExcludedAmount"));
        rows_vat += amount_of(node.get_child("RowVatAmount"));
        rows_gross += amount_of(node.get_child("RowAmount"));
    }
    EXPECT_EQ(rows, 4u);
    EXPECT_EQ(rows_net, amount_of(details.get_child("InvoiceTotalVatExcludedAmount")));
    EXPECT_EQ(rows_vat, amount_of(details.get_child("InvoiceTotalVatAmount")));
    EXPECT_EQ(rows_vat, specified_vat);
    EXPECT_EQ(rows_gross, amount_of(details.get_child("InvoiceTotalVatIncludedAmount")));

    const pt::ptree& epi = finvoice.get_child("EpiDetails");
    EXPECT_EQ(epi.get<std::string>("EpiIdentificationDetails.EpiReference"), "20240000028");
    EXPECT_EQ(epi.get<std::string>("EpiPartyDetails.EpiBeneficiaryPartyDetails.EpiAccountID"), "FI2112345600000785");
    EXPECT_EQ(epi.get<std::string>("EpiPartyDetails.EpiBfiPartyDetails.EpiBfiIdentifier"), "NDEAFIHH");
    EXPECT_EQ(epi.get<std::string>("EpiPaymentInstructionDetails.EpiRemittanceInfoIdentifier"), "20240000028");
    EXPECT_EQ(epi.get<std::string>("EpiPaymentInstructionDetails.EpiInstructedAmount"), "69,73");
    EXPECT_EQ(epi.get<std::string>("EpiPaymentInstructionDetails.EpiDateOptionDate"), "20241018");
}

TEST_F(PayrollExportFinvoice, MarkupInNamesStaysTextAndOutWritesEveryInvoice) {
    set_seller();
    const auto folder = dir / "finvoice";
    std::filesystem::create_directory(folder);
    const auto listed = as_json(coordinator, {"pricing", "payroll", "export", run(), "--as", "finvoice", "--lang", "en",
                                              "--out", folder.string()});
    ASSERT_EQ(listed.at("files").as_array().size(), 2u);
    EXPECT_FALSE(listed.as_object().contains("pay_statements_not_shown"));
    const std::string xml = jobcenter::testing::read_file(folder / "invoice-2024-000003.xml");
    const pt::ptree tree = parsed(xml);
    expect_schema_order("Finvoice", tree.get_child("Finvoice"), "Finvoice");
    EXPECT_EQ(tree.get<std::string>("Finvoice.BuyerPartyDetails.BuyerOrganisationName"), "Pasilan <Leipomo> & Co");
    EXPECT_EQ(tree.get<std::string>("Finvoice.InvoiceDetails.InvoiceTypeText"), "INVOICE");
    EXPECT_EQ(tree.get<std::string>("Finvoice.InvoiceRow.ArticleName"), "Packing and bagging");
    EXPECT_FALSE(tree.get_child("Finvoice.BuyerPartyDetails").count("BuyerPostalAddressDetails"))
        << "no address on record, none written";
    EXPECT_TRUE(audited_clients("pricing.payroll-export").empty());
}

}  // namespace

// The register's CSV reader: encodings, delimiter detection, RFC 4180 quoting, limits and the
// messages for broken files, and the shared real-world files read whole.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "register/import/csv_reader.hpp"
#include "jobcenter/errors.hpp"
#include "support/test_support.hpp"

namespace {
using namespace jobcenter::register_plugin;
using jobcenter::InputError;
using jobcenter::NotFoundError;
using jobcenter::testing::TempDir;
using jobcenter::testing::write_file;

// The full message ("where: what") of the error `read` throws, or "" (and a test failure) when it throws none.
template <class Error = InputError, class Read>
std::string error_of(Read read) {
    try {
        read();
    } catch (const Error& e) {
        return e.describe();
    }
    ADD_FAILURE() << "expected an error";
    return {};
}

std::string csv_error(const std::string& bytes, const CsvOptions& options = {}) {
    return error_of([&] { read_csv(bytes, "units.csv", options); });
}

std::vector<std::string> texts(const std::vector<std::string_view>& fields) { return {fields.begin(), fields.end()}; }

CsvTable read(const std::string& bytes, const CsvOptions& options = {}) { return read_csv(bytes, "units.csv", options); }

// ---------------------------------------------------------------------------------------------
// Delimiters

TEST(RegisterCsv, DetectsEachDelimiter) {
    for (char d : {';', ',', '\t', '|'}) {
        std::string text = std::string("Nimi") + d + "Osoite" + d + "Puhelin\nA Oy" + d + "Katu 1" + d + "0901\n";
        CsvTable t = read(text);
        EXPECT_EQ(t.delimiter, d);
        ASSERT_EQ(t.records.size(), 1u);
        EXPECT_EQ(t.header, (std::vector<std::string>{"Nimi", "Osoite", "Puhelin"}));
        EXPECT_EQ(texts(t.records[0].fields), (std::vector<std::string>{"A Oy", "Katu 1", "0901"}));
    }
}

TEST(RegisterCsv, DetectionRespectsQuotes) {
    // Commas only inside quotes: semicolon is the delimiter.
    CsvTable semi = read("Nimi;Osoite\n\"Oy A, Ab\";\"Katu 1, Helsinki\"\nB;\"C, D\"\n");
    EXPECT_EQ(semi.delimiter, ';');
    EXPECT_EQ(semi.records[0].fields[0], "Oy A, Ab");
    // Semicolons only inside quotes: comma is the delimiter.
    CsvTable comma = read("Nimi,Osoite\n\"Oy A; Ab\",\"Katu 1; B\"\n\"X\",Y\n");
    EXPECT_EQ(comma.delimiter, ',');
    EXPECT_EQ(comma.records[0].fields[1], "Katu 1; B");
    // Unquoted commas in a semicolon file make the comma count inconsistent.
    CsvTable messy = read("Nimi;Osoite\nA;Katu 1, Helsinki\nB, C;Tie 2\nD;E\n");
    EXPECT_EQ(messy.delimiter, ';');
}

TEST(RegisterCsv, TiesGoToSemicolonThenCommaThenTabThenPipe) {
    EXPECT_EQ(read("a;b,c\n1;2,3\n").delimiter, ';');
    EXPECT_EQ(read("a,b\tc\n1,2\t3\n").delimiter, ',');
    EXPECT_EQ(read("a\tb|c\n1\t2|3\n").delimiter, '\t');
}

TEST(RegisterCsv, MostlyConsistentDelimiterWinsWhenNoneIsPerfect) {
    // Row 3 has a stray semicolon in an unquoted field; ';' is still the best fit, and the row then
    // fails with its line named, since its extra field is not empty.
    std::string text = "Nimi;Puhelin\nA;1\nB;2;x\nC;3\nD;4\n";
    EXPECT_EQ(csv_error(text).rfind("units.csv:3: this row has 3 fields but the header has 2", 0), 0u) << csv_error(text);
    CsvOptions semicolon;
    semicolon.delimiter = ';';
    EXPECT_EQ(read("Nimi;Puhelin\nA;1\nB;2;\n", semicolon).records.size(), 2u);
}

TEST(RegisterCsv, SingleColumnFileDefaultsToComma) {
    CsvTable t = read("Nimi\nYritys Oy\nToinen Ky\n");
    EXPECT_EQ(t.delimiter, ',');
    EXPECT_EQ(t.header, std::vector<std::string>{"Nimi"});
    ASSERT_EQ(t.records.size(), 2u);
    EXPECT_EQ(texts(t.records[1].fields), std::vector<std::string>{"Toinen Ky"});
}

TEST(RegisterCsv, GivenDelimiterIsUsed) {
    CsvOptions options;
    options.delimiter = ',';
    CsvTable t = read("a;b,c\n1;2,3\n", options);
    EXPECT_EQ(t.delimiter, ',');
    EXPECT_EQ(t.header, (std::vector<std::string>{"a;b", "c"}));
}

TEST(RegisterCsv, ExcelSeparatorLineDeclaresTheDelimiter) {
    CsvTable t = read("sep=,\r\nNimi;Osoite,Puhelin\r\nA;B,1\r\n");
    EXPECT_EQ(t.delimiter, ',');
    EXPECT_EQ(t.header, (std::vector<std::string>{"Nimi;Osoite", "Puhelin"}));
    ASSERT_EQ(t.records.size(), 1u);
    EXPECT_EQ(t.records[0].line, 3u);
    EXPECT_EQ(csv_error("sep=;\nNimi;Osoite\n\"A\n"), "units.csv:3: quote opened here is never closed");
}

TEST(RegisterCsv, TabDelimiterKeepsEmptyFields) {
    CsvTable t = read("a\tb\tc\n1\t\t3\n");
    EXPECT_EQ(t.delimiter, '\t');
    EXPECT_EQ(texts(t.records[0].fields), (std::vector<std::string>{"1", "", "3"}));
}

// ---------------------------------------------------------------------------------------------
// Quoting and lines

TEST(RegisterCsv, QuotedFieldsWithEscapesAndLineBreaks) {
    CsvTable t = read("Nimi;Lisätiedot\n\"Oy \"\"Paras\"\" Ab\";\"rivi 1\nrivi 2\r\nrivi 3\"\nB;\"\"\n");
    ASSERT_EQ(t.records.size(), 2u);
    EXPECT_EQ(t.records[0].fields[0], "Oy \"Paras\" Ab");
    EXPECT_EQ(t.records[0].fields[1], "rivi 1\nrivi 2\nrivi 3");  // CRLF inside a field becomes LF
    EXPECT_EQ(t.records[0].line, 2u);
    EXPECT_EQ(t.records[1].line, 5u);  // the record before spans lines 2 to 4
    EXPECT_EQ(texts(t.records[1].fields), (std::vector<std::string>{"B", ""}));
}

TEST(RegisterCsv, LineEndsCrLfLfAndCr) {
    for (std::string end : {"\r\n", "\n", "\r"}) {
        CsvTable t = read("Nimi;Kaupunki" + end + "A;Helsinki" + end + "B;Espoo" + end);
        ASSERT_EQ(t.records.size(), 2u) << "line end of " << end.size() << " bytes";
        EXPECT_EQ(texts(t.records[1].fields), (std::vector<std::string>{"B", "Espoo"}));
        EXPECT_EQ(t.records[1].line, 3u);
    }
}

TEST(RegisterCsv, LastLineWithoutLineEnd) {
    CsvTable t = read("Nimi;Kaupunki\nA;Helsinki");
    ASSERT_EQ(t.records.size(), 1u);
    EXPECT_EQ(t.records[0].fields[1], "Helsinki");
}

TEST(RegisterCsv, BlankLinesAndEmptyRowsAreSkippedButCounted) {
    CsvTable t = read("\n\nNimi;Kaupunki\n\nA;Helsinki\n;\n  \nB;Espoo\n\n\n");
    EXPECT_EQ(t.header, (std::vector<std::string>{"Nimi", "Kaupunki"}));
    ASSERT_EQ(t.records.size(), 2u);
    EXPECT_EQ(t.records[0].line, 5u);
    EXPECT_EQ(t.records[1].line, 8u);
}

TEST(RegisterCsv, UnterminatedQuoteNamesTheLineWhereItOpened) {
    EXPECT_EQ(csv_error("Nimi;Osoite\nA;B\nC;\"Katu 1\nD;E\nF;G\n"), "units.csv:3: quote opened here is never closed");
}

TEST(RegisterCsv, QuoteInsideAnUnquotedFieldIsKept) {
    CsvTable t = read("Nimi;Osoite\nAb \"Cd\" Oy;Katu 5\" B\n");
    EXPECT_EQ(texts(t.records[0].fields), (std::vector<std::string>{"Ab \"Cd\" Oy", "Katu 5\" B"}));
}

TEST(RegisterCsv, TextAfterAClosingQuoteIsRefused) {
    std::string message = csv_error("Nimi;Osoite\nA;B\n\"Oy A\" Ab;C\n");
    EXPECT_EQ(message.rfind("units.csv:3: unparseable quoting", 0), 0u) << message;
    EXPECT_NE(message.find("Ab"), std::string::npos) << message;
    // Blanks between the closing quote and the delimiter are fine.
    EXPECT_EQ(texts(read("Nimi;Osoite\n\"A\"  ;\"B\"\t\n").records[0].fields), (std::vector<std::string>{"A", "B"}));
}

TEST(RegisterCsv, SpaceBeforeAnOpeningQuoteIsAllowed) {
    // As the restaurants file writes it: ", " between quoted fields.
    CsvTable t = read("name,address,id\n\"a, b\", \"c\", '0'\n");
    EXPECT_EQ(t.delimiter, ',');
    EXPECT_EQ(texts(t.records[0].fields), (std::vector<std::string>{"a, b", "c", "'0'"}));
}

TEST(RegisterCsv, FieldsAreTrimmedQuotedOrNot) {
    CsvTable t = read("  Nimi ;\tKaupunki\n  A Oy  ;\" Helsinki \"\n\xC2\xA0" "B\xC2\xA0;\"\nEspoo\n\"\n");
    EXPECT_EQ(t.header, (std::vector<std::string>{"Nimi", "Kaupunki"}));
    EXPECT_EQ(texts(t.records[0].fields), (std::vector<std::string>{"A Oy", "Helsinki"}));
    EXPECT_EQ(texts(t.records[1].fields), (std::vector<std::string>{"B", "Espoo"}));
}

// ---------------------------------------------------------------------------------------------
// Row widths and header

TEST(RegisterCsv, ShortRowsArePaddedAndEmptyExtraFieldsDropped) {
    CsvTable t = read("Nimi;Puhelin;Kaupunki\nA\nB;1;Espoo;;\n");
    EXPECT_EQ(texts(t.records[0].fields), (std::vector<std::string>{"A", "", ""}));
    EXPECT_EQ(texts(t.records[1].fields), (std::vector<std::string>{"B", "1", "Espoo"}));
}

TEST(RegisterCsv, FilledExtraFieldIsRefusedWithItsLine) {
    CsvOptions semicolon;
    semicolon.delimiter = ';';
    EXPECT_EQ(csv_error("Nimi;Puhelin\nA;1\nB;2;;Espoo\n", semicolon),
              "units.csv:3: this row has 4 fields but the header has 2; field 4 ('Espoo') has no column");
}

TEST(RegisterCsv, HeaderNamesAreTrimmedAndDuplicatesKept) {
    CsvTable t = read(" Nimi ; Nimi ;Puhelin \nA;B;1\n");
    EXPECT_EQ(t.header, (std::vector<std::string>{"Nimi", "Nimi", "Puhelin"}));
}

TEST(RegisterCsv, EmptyFileAndHeaderOnly) {
    EXPECT_EQ(csv_error(""), "units.csv: the file is empty");
    EXPECT_EQ(csv_error("\xEF\xBB\xBF"), "units.csv: the file is empty");
    EXPECT_EQ(csv_error("\r\n\n  \n"), "units.csv: the file is empty");
    EXPECT_EQ(csv_error("Nimi;Puhelin\n"), "units.csv: the file has a header but no rows");
    EXPECT_EQ(csv_error("Nimi;Puhelin\n;\n\n"), "units.csv: the file has a header but no rows");
}

// ---------------------------------------------------------------------------------------------
// Limits

TEST(RegisterCsv, TenMegabyteFieldIsRefused) {
    std::string big(10 << 20, 'x');
    EXPECT_EQ(csv_error("Nimi;Lisätiedot\nA;B\nC;" + big + "\n"),
              "units.csv:3: a field of 10485760 bytes is larger than the limit of 1 MiB");
    EXPECT_EQ(csv_error("Nimi;Lisätiedot\nA;\"" + big + "\"\n"),
              "units.csv:2: a field of 10485760 bytes is larger than the limit of 1 MiB");
}

TEST(RegisterCsv, FieldLimitCanBeChanged) {
    CsvOptions options;
    options.max_field_bytes = 4;
    EXPECT_EQ(read("a;b\nabcd;x\n", options).records.size(), 1u);
    EXPECT_EQ(csv_error("a;b\nabcde;x\n", options), "units.csv:2: a field of 5 bytes is larger than the limit of 4 bytes");
}

TEST(RegisterCsv, FileLargerThanTheLimitIsRefused) {
    CsvOptions options;
    options.max_bytes = 1024;
    EXPECT_EQ(csv_error(std::string(2000, 'a'), options), "units.csv: the file is 2000 bytes, larger than the limit of 1 KiB");
}

// ---------------------------------------------------------------------------------------------
// Encodings

TEST(RegisterCsv, Utf8WithAndWithoutBom) {
    CsvTable plain = read("Nimi;Kaupunki\nÄäkkönen Oy;Järvenpää\n");
    EXPECT_EQ(plain.encoding, "UTF-8");
    EXPECT_EQ(plain.records[0].fields[0], "Ääkkönen Oy");
    CsvTable bom = read("\xEF\xBB\xBFNimi;Kaupunki\nÄäkkönen Oy;Järvenpää\n");
    EXPECT_EQ(bom.encoding, "UTF-8 with BOM");
    EXPECT_EQ(bom.header[0], "Nimi");
    EXPECT_EQ(bom.records[0].fields[1], "Järvenpää");
}

TEST(RegisterCsv, Windows1252IsDecoded) {
    CsvTable t = read("Nimi;Kaupunki\n\xC4\xE4kk\xF6nen;J\xE4rvenp\xE4\xE4\n\x80uro \x96 \x93Oy\x94;\xC5land\n");
    EXPECT_EQ(t.encoding, "Windows-1252");
    EXPECT_EQ(texts(t.records[0].fields), (std::vector<std::string>{"Ääkkönen", "Järvenpää"}));
    EXPECT_EQ(texts(t.records[1].fields), (std::vector<std::string>{"€uro – “Oy”", "Åland"}));
}

TEST(RegisterCsv, Windows1252HighTableMatchesTheCodePage) {
    // Bytes 0x80..0x9F as the code page defines them; "" marks the five undefined bytes.
    const char* expected[32] = {"€", "", "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", "", "Ž", "",
                                "", "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", "", "ž", "Ÿ"};
    for (int i = 0; i < 32; ++i) {
        if (*expected[i] == '\0') continue;
        std::string text = "Nimi\nA" + std::string(1, static_cast<char>(0x80 + i)) + "\n";
        EXPECT_EQ(read(text).records[0].fields[0], std::string("A") + expected[i]) << "byte " << 0x80 + i;
    }
    EXPECT_EQ(read("Nimi\n\xA0x\xFF\xE9\n").records[0].fields[0], "xÿé");  // leading no-break space trimmed
}

TEST(RegisterCsv, UndefinedWindows1252BytesNameTheLine) {
    for (unsigned char byte : {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
        std::string text = "Nimi;Kaupunki\nA;B\nC\xE4;D" + std::string(1, static_cast<char>(byte)) + "\n";
        std::string message = csv_error(text);
        EXPECT_EQ(message.rfind("units.csv:3: the byte 0x", 0), 0u) << message;
        EXPECT_NE(message.find("neither UTF-8 nor Windows-1252"), std::string::npos) << message;
    }
}

TEST(RegisterCsv, InvalidUtf8IsReadAsWindows1252) {
    // 0xC0 0x80 is an overlong (invalid) UTF-8 form; as Windows-1252 it is "À€".
    CsvTable t = read("Nimi\n\xC0\x80\n");
    EXPECT_EQ(t.encoding, "Windows-1252");
    EXPECT_EQ(t.records[0].fields[0], "À€");
}

TEST(RegisterCsv, BomFollowedByInvalidUtf8IsRefused) {
    std::string message = csv_error("\xEF\xBB\xBFNimi\nA\n\xE4\n");
    EXPECT_EQ(message.rfind("units.csv:3: the file starts with a UTF-8 byte order mark", 0), 0u) << message;
}

TEST(RegisterCsv, Utf16IsRefused) {
    const std::string expected = "units.csv: file is UTF-16; save it as UTF-8 or CSV (semicolon delimited)";
    EXPECT_EQ(csv_error(std::string("\xFF\xFEN\0i\0m\0i\0", 10)), expected);
    EXPECT_EQ(csv_error(std::string("\xFE\xFF\0N\0i\0m\0i", 10)), expected);
    EXPECT_EQ(csv_error(std::string("N\0i\0m\0i\0\n\0A\0\n\0", 14)), expected);  // no byte order mark
}

TEST(RegisterCsv, NulBytesMeanABinaryFile) {
    std::string message = csv_error(std::string("Nimi;Puhelin\nA;1\nB\0;2\n", 22));
    EXPECT_EQ(message.rfind("units.csv:3: binary file", 0), 0u) << message;
    EXPECT_NE(csv_error(std::string("PK\3\4\0\0\0\0\x14\0", 10)).find("binary file"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Files

TEST(RegisterCsv, ReadsAFile) {
    TempDir dir;
    write_file(dir / "units.csv", "Nimi;Puhelin\r\nA Oy;0901\r\n");
    CsvTable t = read_csv_file(dir / "units.csv");
    ASSERT_EQ(t.records.size(), 1u);
    EXPECT_EQ(texts(t.records[0].fields), (std::vector<std::string>{"A Oy", "0901"}));
}

TEST(RegisterCsv, MissingFileOrFolderIsNotFound) {
    TempDir dir;
    std::string missing = error_of<NotFoundError>([&] { read_csv_file(dir / "missing.csv"); });
    EXPECT_EQ(missing, (dir / "missing.csv").string() + ": no such file");
    std::string folder = error_of<NotFoundError>([&] { read_csv_file(dir.path()); });
    EXPECT_NE(folder.find("folder"), std::string::npos) << folder;
}

TEST(RegisterCsv, FileErrorsNameThePath) {
    TempDir dir;
    write_file(dir / "units.csv", "Nimi;Osoite\n\"A;B\n");
    EXPECT_EQ(error_of([&] { read_csv_file(dir / "units.csv"); }),
              (dir / "units.csv").string() + ":2: quote opened here is never closed");
}

}  // namespace

// A file of more than 4 MiB is read in two halves on two threads. Rows of `width` fields, every 7th with a
// quoted note spanning two lines, every 11th with a "" escape, a blank line every 13th row; `expected` gets
// each record's line and name.
std::string large_file(std::size_t rows, std::vector<std::pair<std::size_t, std::string>>& expected) {
    std::string text = "id;name;note\n";
    std::size_t line = 2;
    for (std::size_t i = 0; i < rows; ++i) {
        const std::string name = "Yritys " + std::to_string(i) + " Oy";
        std::string note = "tavallinen rivi jossa on tekstiä " + std::to_string(i * 7919);
        expected.emplace_back(line, name);
        if (i % 7 == 3) {
            text += std::to_string(i) + ";" + name + ";\"kaksi\nriviä\"\n";
            line += 2;
        } else if (i % 11 == 5) {
            text += std::to_string(i) + ";\"" + name + "\";\"sanoi \"\"hei\"\"\"\n";
            line += 1;
        } else {
            text += std::to_string(i) + ";" + name + ";" + note + "\n";
            line += 1;
        }
        if (i % 13 == 0) text += "\n", line += 1;
    }
    return text;
}

TEST(RegisterCsv, LargeFileReadInTwoHalvesKeepsEveryRowItsLineAndFields) {
    std::vector<std::pair<std::size_t, std::string>> expected;
    const std::string text = large_file(100000, expected);
    ASSERT_GT(text.size(), std::size_t{4} << 20);
    CsvTable table = read(text);
    ASSERT_EQ(table.records.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        ASSERT_EQ(table.records[i].line, expected[i].first) << "row " << i;
        ASSERT_EQ(table.records[i].fields[0], std::to_string(i));
        ASSERT_EQ(table.records[i].fields[1], expected[i].second);
        if (i % 7 == 3) {
            ASSERT_EQ(table.records[i].fields[2], "kaksi\nriviä");
        } else if (i % 11 == 5) {
            ASSERT_EQ(table.records[i].fields[2], "sanoi \"hei\"");
        }
    }
    // Moved, the table's fields still view its text and its rewritten fields (of either half).
    std::size_t last_escaped = expected.size() - 1;
    while (last_escaped % 11 != 5 || last_escaped % 7 == 3) --last_escaped;
    CsvTable moved = std::move(table);
    EXPECT_EQ(moved.records[5].fields[2], "sanoi \"hei\"");
    EXPECT_EQ(moved.records[last_escaped].fields[2], "sanoi \"hei\"");
}

TEST(RegisterCsv, LargeFileWithAQuotedFieldAcrossItsMiddleIsReadInOrder) {
    // A quoted field of many lines where the file would be split: the second half cannot start there.
    std::string text = "id;name;note\n";
    std::size_t line = 2;
    std::vector<std::size_t> lines;
    const std::string row_text = ";Yritys Oy;rivi jonka pituus on noin kuusikymmentä merkkiä\n";
    for (int i = 0; i < 45000; ++i) lines.push_back(line++), text += std::to_string(i) + row_text;
    std::string long_note;
    for (int k = 0; k < 4000; ++k) long_note += "muistiinpano rivillä " + std::to_string(k) + "\n";
    lines.push_back(line);
    text += "45000;Pitkä Oy;\"" + long_note + "\"\n";
    line += 4001;
    for (int i = 45001; i < 90000; ++i) lines.push_back(line++), text += std::to_string(i) + row_text;
    ASSERT_GT(text.size(), std::size_t{4} << 20);
    const std::size_t middle = 13 + (text.size() - 13) / 2;
    const std::size_t field_start = text.find("\"muistiinpano");
    ASSERT_LT(field_start, middle);
    ASSERT_GT(field_start + long_note.size(), middle);
    CsvTable table = read(text);
    ASSERT_EQ(table.records.size(), lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) ASSERT_EQ(table.records[i].line, lines[i]) << "row " << i;
    EXPECT_EQ(table.records[45000].fields[2], long_note.substr(0, long_note.size() - 1));
    EXPECT_EQ(table.records[89999].fields[0], "89999");
}

TEST(RegisterCsv, LargeFileErrorsInItsSecondHalfNameTheirLine) {
    std::vector<std::pair<std::size_t, std::string>> expected;
    std::string text = large_file(100000, expected);
    const std::size_t bad_row = 90000;
    // A row with a field beyond the header, and later a quote never closed: the first is reported.
    const std::string marker = std::to_string(bad_row) + ";" + expected[bad_row].second + ";";
    std::size_t at = text.find("\n" + marker);
    ASSERT_NE(at, std::string::npos);
    text.insert(at + 1 + marker.size(), "ylimääräinen;");
    EXPECT_NE(csv_error(text).find("units.csv:" + std::to_string(expected[bad_row].first) + ":"), std::string::npos)
        << csv_error(text);
    std::vector<std::pair<std::size_t, std::string>> again;
    std::string unclosed = large_file(100000, again);
    const std::string open_marker = std::to_string(bad_row) + ";" + again[bad_row].second + ";";
    at = unclosed.find("\n" + open_marker);
    ASSERT_NE(at, std::string::npos);
    const std::size_t opened = at + 1 + open_marker.size();
    unclosed.insert(opened, "\"");
    // The stray quote opens a field that the next quote closes, followed by text: reported on that line.
    const std::size_t closing = unclosed.find('"', opened + 1);
    const auto closing_line = 1 + std::count(unclosed.begin(), unclosed.begin() + static_cast<std::ptrdiff_t>(closing), '\n');
    const std::string message = csv_error(unclosed);
    EXPECT_EQ(message.rfind("units.csv:" + std::to_string(closing_line) + ": unparseable quoting", 0), 0u) << message;
}

#include "provinces.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "data/districts.h"
#include "data/place_words.h"
#include "data/provinces.h"
#include "data/provinces_2025.h"
#include "sql_util.h"

namespace vnsql {
namespace {

// No spelling of a province, with its "thành phố", has more words than this
// ("Thành phố Bà Rịa - Vũng Tàu" would be 6); longer texts are no province.
constexpr size_t kMaxWords = 8;
// One word longer than this is no province's either ("thanhphohochiminh" is 17 bytes).
constexpr size_t kMaxKeyBytes = 64;

// The key of a run of words: their forms joined without spaces.
std::string join_key(const std::vector<Word>& words, size_t from, size_t to, bool accented) {
  std::string key;
  for (size_t k = from; k < to; ++k) key += accented ? words[k].lower : words[k].folded;
  return key;
}

std::vector<Word> words_of(std::string_view text, size_t limit) {
  std::vector<Word> words;
  WordScanner scanner(text);
  Word w;
  while (words.size() <= limit && scanner.next(w)) words.push_back(std::move(w));
  return words;
}

struct ProvinceIndex {
  std::vector<ProvinceUnit> units, units_2025;
  // Keys (words joined) of every spelling: as written (lower case) and folded.
  std::unordered_map<std::string, const ProvinceUnit*> lower, folded;
  std::unordered_map<std::string, const ProvinceUnit*> lower_2025, folded_2025;
  size_t longest = 1;  // words of the longest spelling
  std::unordered_set<std::string> first_words;  // folded
  // The words that may stand before a name (place_words.tsv, province-prefix), folded.
  std::vector<std::vector<std::string>> prefixes;
  // District-level units by the key of their name (as written, and folded).
  struct District {
    const data::districts::Row* row;
    const ProvinceUnit* province;
  };
  std::unordered_map<std::string, std::vector<District>> districts_lower, districts_folded;

  void add(const char* spelling, const ProvinceUnit* unit, std::unordered_map<std::string, const ProvinceUnit*>& by_lower,
           std::unordered_map<std::string, const ProvinceUnit*>& by_folded) {
    const std::vector<Word> words = words_of(spelling, kMaxWords);
    if (words.empty()) return;
    longest = std::max(longest, words.size());
    first_words.insert(words[0].folded);
    by_lower.emplace(join_key(words, 0, words.size(), true), unit);
    by_folded.emplace(join_key(words, 0, words.size(), false), unit);
  }

  ProvinceIndex() {
    units.reserve(std::size(data::provinces::kRows));
    for (const auto& row : data::provinces::kRows)
      units.push_back({row.entry, row.unit_after_merger, data::provinces::has_class(row, "city"),
                       data::provinces::has_class(row, "person-name")});
    units_2025.reserve(std::size(data::provinces_2025::kRows));
    for (const auto& row : data::provinces_2025::kRows)
      units_2025.push_back({row.entry, row.entry, data::provinces_2025::has_class(row, "current-city"), false});
    for (size_t k = 0; k < units.size(); ++k) {
      const auto& row = data::provinces::kRows[k];
      add(row.entry, &units[k], lower, folded);
      // Spellings separated by " | ".
      std::string_view rest = row.spellings;
      while (!rest.empty()) {
        const size_t bar = rest.find(" | ");
        add(std::string(rest.substr(0, bar)).c_str(), &units[k], lower, folded);
        rest.remove_prefix(bar == std::string_view::npos ? rest.size() : bar + 3);
      }
    }
    for (const ProvinceUnit& u : units_2025) add(u.name, &u, lower_2025, folded_2025);
    for (const auto& row : data::districts::kRows) {
      const std::vector<Word> words = words_of(row.entry, kMaxWords), province_words = words_of(row.province, kMaxWords);
      const auto province = lower.find(join_key(province_words, 0, province_words.size(), true));
      if (words.empty() || province == lower.end()) continue;  // Data.DistrictsBelongToProvinces: there is none
      districts_lower[join_key(words, 0, words.size(), true)].push_back({&row, province->second});
      districts_folded[join_key(words, 0, words.size(), false)].push_back({&row, province->second});
    }
    for (const char* prefix : data::place_words::kProvincePrefix) {
      prefixes.emplace_back();
      for (const Word& w : words_of(prefix, kMaxWords)) prefixes.back().push_back(w.folded);
    }
  }
};

const ProvinceIndex& index() {
  static const ProvinceIndex i;
  return i;
}

const ProvinceUnit* lookup(const std::unordered_map<std::string, const ProvinceUnit*>& keys, const std::string& key) {
  if (key.size() > kMaxKeyBytes) return nullptr;
  auto it = keys.find(key);
  return it == keys.end() ? nullptr : it->second;
}

// How many words of a prefix ("tỉnh", "thành phố", "TP", "T.") start words[at], or 0.
size_t prefix_words(const std::vector<Word>& words, size_t at) {
  size_t longest = 0;
  for (const std::vector<std::string>& prefix : index().prefixes) {
    bool match = !prefix.empty() && at + prefix.size() <= words.size() && prefix.size() > longest;
    for (size_t k = 0; match && k < prefix.size(); ++k) match = words[at + k].folded == prefix[k];
    if (match) longest = prefix.size();
  }
  return longest;
}

bool any_accented(const std::vector<Word>& words) {
  for (const Word& w : words)
    if (w.accented) return true;
  return false;
}

// The unit that all of `words` (maybe after a prefix) spells, in the given index.
const ProvinceUnit* whole(const std::vector<Word>& words, const std::unordered_map<std::string, const ProvinceUnit*>& by_lower,
                          const std::unordered_map<std::string, const ProvinceUnit*>& by_folded) {
  if (words.empty() || words.size() > kMaxWords) return nullptr;
  const bool accented = any_accented(words);
  const auto& keys = accented ? by_lower : by_folded;
  if (const ProvinceUnit* u = lookup(keys, join_key(words, 0, words.size(), accented))) return u;
  const size_t skip = prefix_words(words, 0);
  if (skip && skip < words.size()) return lookup(keys, join_key(words, skip, words.size(), accented));
  return nullptr;
}

}  // namespace

const ProvinceUnit* find_province(std::string_view place) {
  const ProvinceIndex& i = index();
  return whole(words_of(place, kMaxWords), i.lower, i.folded);
}

const ProvinceUnit* match_province(const std::vector<Word>& words, size_t at, size_t limit, bool accented_text,
                                   size_t& length) {
  const ProvinceIndex& i = index();
  const auto& keys = accented_text ? i.lower : i.folded;
  const ProvinceUnit* found = nullptr;
  std::string key;
  for (size_t n = 1; n <= i.longest && n <= limit && at + n <= words.size(); ++n) {
    key += accented_text ? words[at + n - 1].lower : words[at + n - 1].folded;
    if (const ProvinceUnit* u = lookup(keys, key)) {
      found = u;
      length = n;
    }
  }
  return found;
}

const ProvinceUnit* province_by_key(const std::string& key, bool accented_text) {
  const ProvinceIndex& i = index();
  return lookup(accented_text ? i.lower : i.folded, key);
}

size_t province_max_words() { return index().longest; }

bool starts_province(const std::string& folded) { return index().first_words.count(folded) > 0; }

std::vector<const ProvinceUnit*> district_provinces(std::string_view name, std::string_view district_class) {
  const ProvinceIndex& i = index();
  const std::vector<Word> words = words_of(name, kMaxWords);
  std::vector<const ProvinceUnit*> found;
  if (words.empty() || words.size() > kMaxWords) return found;
  const bool accented = std::any_of(words.begin(), words.end(), [](const Word& w) { return w.accented; });
  const auto& by_key = accented ? i.districts_lower : i.districts_folded;
  const auto it = by_key.find(join_key(words, 0, words.size(), accented));
  if (it == by_key.end()) return found;
  for (const auto& d : it->second)
    if ((district_class.empty() || data::districts::has_class(*d.row, district_class)) &&
        std::find(found.begin(), found.end(), d.province) == found.end())
      found.push_back(d.province);
  return found;
}

std::optional<std::string> province(std::string_view place) {
  if (const ProvinceUnit* u = find_province(place)) return std::string(u->name);
  return std::nullopt;
}

std::optional<std::string> province_2025(std::string_view place) {
  const ProvinceIndex& i = index();
  const std::vector<Word> words = words_of(place, kMaxWords);
  if (const ProvinceUnit* u = whole(words, i.lower, i.folded)) return std::string(u->unit_2025);
  if (const ProvinceUnit* u = whole(words, i.lower_2025, i.folded_2025)) return std::string(u->name);
  return std::nullopt;
}

namespace {
template <std::optional<std::string> (*F)(std::string_view)>
void place_function(sqlite3_context* ctx, sqlite3_value** argv) {
  sql::guarded(ctx, [&] {
    const auto text = sql::text_arg(argv[0]);
    const auto result = text ? F(*text) : std::nullopt;
    if (!result) return sqlite3_result_null(ctx);
    sql::result_text(ctx, *result);
  });
}
}  // namespace

void sql_vn_province(sqlite3_context* ctx, int, sqlite3_value** argv) { place_function<province>(ctx, argv); }
void sql_vn_province_2025(sqlite3_context* ctx, int, sqlite3_value** argv) { place_function<province_2025>(ctx, argv); }

}  // namespace vnsql

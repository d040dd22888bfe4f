// Records packed one after another into blocks that never move: what an
// extractor found in a text, kept until the text is read to its end (later
// words may change earlier results). A std::string costs 32 bytes and a
// struct of them hundreds, while a text of nothing but references or names
// yields a result every few bytes: packed, a field costs its bytes and one or
// two more, and the store grows without ever copying itself.
//
// A record is written into a std::string with put_number()/put_string() and
// added whole; it is read back from its first byte with get_number() and
// get_string(), in the order it was written. Numbers are varints; a string is
// its length plus one (0: none) and its bytes.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnsql {

class PackedRecords {
 public:
  void add(const std::string& record) { records_.push_back(place(record)); }
  // Record k becomes `record`, written anew (the old bytes stay, unused).
  void replace(size_t k, const std::string& record) { records_[k] = place(record); }
  char* operator[](size_t k) const { return records_[k]; }
  size_t size() const { return records_.size(); }
  // Keeps, in order, the records for which keep(k) is true.
  template <class Keep>
  void keep_if(Keep&& keep) {
    size_t kept = 0;
    for (size_t k = 0; k < records_.size(); ++k)
      if (keep(k)) records_[kept++] = records_[k];
    records_.resize(kept);
  }

  static void put_number(std::string& out, size_t n) {
    for (; n >= 0x80; n >>= 7) out.push_back(static_cast<char>(0x80 | (n & 0x7F)));
    out.push_back(static_cast<char>(n));
  }
  static void put_string(std::string& out, std::optional<std::string_view> s) {
    put_number(out, s ? s->size() + 1 : 0);
    if (s) out.append(*s);
  }
  static size_t get_number(const char*& at) {
    size_t n = 0;
    for (int shift = 0;; shift += 7) {
      const auto byte = static_cast<unsigned char>(*at++);
      n |= static_cast<size_t>(byte & 0x7F) << shift;
      if (byte < 0x80) return n;
    }
  }
  static std::optional<std::string_view> get_view(const char*& at) {
    const size_t n = get_number(at);
    if (!n) return std::nullopt;
    at += n - 1;
    return std::string_view(at - (n - 1), n - 1);
  }
  static std::optional<std::string> get_string(const char*& at) {
    const auto view = get_view(at);
    return view ? std::optional<std::string>(*view) : std::nullopt;
  }

 private:
  static constexpr size_t kBlockBytes = 64 * 1024;
  char* place(const std::string& record) {
    if (record.size() > free_) {
      const size_t size = std::max(kBlockBytes, record.size());
      blocks_.push_back(std::make_unique<char[]>(size));
      next_ = blocks_.back().get();
      free_ = size;
    }
    char* at = next_;
    std::memcpy(at, record.data(), record.size());
    next_ += record.size();
    free_ -= record.size();
    return at;
  }

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t free_ = 0;
  std::vector<char*> records_;  // in the order they were added
};

}  // namespace vnsql

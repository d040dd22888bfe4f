// Character classes: the one definition of which code points are dashes,
// spaces, line breaks and look-alikes of Đ, for every function that reads
// what stands between words: officials(), resolutions(), vn_dates(),
// vn_query() and the article helpers. A text must give the same result
// whichever of a class it uses (tests/char_classes_test.cpp).
//
// The word scanner (normalize.h) needs no class: whatever is not a letter,
// mark or number separates words, and every code point below separates.
// Apostrophes separate words wherever they stand, like other punctuation:
// see is_apostrophe().
#pragma once

namespace vnsql::chars {

// Dashes: an identifier (26-NQ/TW), a date (7-12-2019) or a name ("Bộ Lao
// động - Thương binh và Xã hội") is written with whichever dash the author's
// keyboard, word processor or CMS made; they mean the same.
inline bool is_dash(char32_t c) {
  switch (c) {
    case U'-':    // hyphen-minus: the keyboard's
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen: word processors keep "18‑NQ/TW" on one line
    case 0x2012:  // figure dash: between digits
    case 0x2013:  // en dash: what word processors make of " - "
    case 0x2014:  // em dash
    case 0x2015:  // horizontal bar
    case 0x2212:  // minus sign
    case 0xFE58:  // small em dash
    case 0xFE63:  // small hyphen-minus
    case 0xFF0D:  // fullwidth hyphen-minus: East Asian input methods
      return true;
    default:
      return false;
  }
}

// Spaces between words on one line.
inline bool is_space(char32_t c) {
  switch (c) {
    case U' ':
    case U'\t':
    case U'\r':    // alone, or the CR of CR LF (the LF is the line break)
    case U'\v':    // \v and \f: C's white space, never a line break in the corpora
    case U'\f':
    case 0x00A0:   // no-break space: &nbsp; of web pages, often between a title and a name
    case 0x1680:   // ogham space mark (a Unicode space separator)
    case 0x202F:   // narrow no-break space
    case 0x205F:   // medium mathematical space
    case 0x3000:   // ideographic space: East Asian input methods
    case 0x200B:   // zero-width space and BOM (zero-width no-break space): invisible,
    case 0xFEFF:   // but CMSs leave them between words, where they separate like a space
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;  // en quad ... hair space: typographic spaces
  }
}

// Line breaks. Not U+0085 (NEL): a C1 control that text decoded from the
// wrong encoding scatters about, not a line break of Vietnamese text.
inline bool is_line_break(char32_t c) { return c == U'\n' || c == 0x2028 || c == 0x2029; }

// Apostrophes: in ethnic-minority names ("K'Đăm", "Đắk R'Lấp") and quotes,
// typed with whichever the keyboard or word processor gives. Each separates
// words, so that the same name typed with another gives the same words.
inline bool is_apostrophe(char32_t c) {
  switch (c) {
    case U'\'':   // the keyboard's
    case 0x2018:  // left single quotation mark
    case 0x2019:  // right single quotation mark: word processors' apostrophe
    case 0x02BB:  // modifier letter turned comma and modifier letter apostrophe:
    case 0x02BC:  // letters to Unicode, apostrophes to whoever typed them
    case 0xFF07:  // fullwidth apostrophe: East Asian input methods
      return true;
    default:
      return false;
  }
}

// Look-alikes of Đ/đ in badly converted text: Icelandic eth (Ð ð) and African D (Ɖ ɖ).
inline bool is_capital_d(char32_t c) { return c == 0x0110 || c == 0x00D0 || c == 0x0189; }
inline bool is_small_d(char32_t c) { return c == 0x0111 || c == 0x00F0 || c == 0x0256; }

}  // namespace vnsql::chars

#ifndef ZENAMU_CPHONENUMBER_H
#define ZENAMU_CPHONENUMBER_H

#ifdef __cplusplus
extern "C" {
#endif

/// What libphonenumber made of one phone string.
typedef struct {
    /// 0: parsed; 1: not a phone number at all (libphonenumber refused it).
    int status;
    /// libphonenumber knows this number as a valid number of its region.
    int is_valid;
    int country_code;
    /// "+420123456789", NUL-terminated.
    char e164[40];
    /// Region the number belongs to ("CZ"), or "ZZ" when unknown.
    char region[4];
} zm_phone_result;

/// Parses `text` with `default_region` (ISO 3166 alpha-2, or NULL/"" for none) as the
/// country assumed for numbers written without an international prefix.
void zm_phone_parse(const char *text, const char *default_region, zm_phone_result *out);

/// The valid phone numbers libphonenumber's matcher finds inside `text` (a number and a note,
/// two numbers in one cell), with `default_region` as in `zm_phone_parse`: the first goes to
/// `out`, and the count, up to 10, is returned (0: none, `out` untouched).
int zm_phone_find(const char *text, const char *default_region, zm_phone_result *out);

/// 1 when libphonenumber has metadata for the region code ("CZ"), else 0.
int zm_phone_is_supported_region(const char *region);

/// The country calling code for a region (420 for "CZ"), 0 when unknown.
int zm_phone_country_code_for_region(const char *region);

#ifdef __cplusplus
}
#endif

#endif

// A C face over libphonenumber, so Swift calls plain C and never sees protobuf types.
#include "CPhoneNumber.h"

#include <cstring>
#include <set>
#include <string>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

// The region assumed for national numbers: "ZZ" (none) when the caller gives none.
static std::string region_or_unknown(const char *default_region) {
    return (default_region != nullptr && *default_region) ? default_region : "ZZ";
}

// What the caller learns of a parsed number, for `zm_phone_parse` and `zm_phone_find` alike.
static void describe(const PhoneNumberUtil &util, const PhoneNumber &number, zm_phone_result *out) {
    std::memset(out, 0, sizeof(*out));
    // IsValidNumber is GetRegionCodeForNumber then IsValidNumberForRegion: the region is looked
    // up once here and serves both.
    std::string found;
    util.GetRegionCodeForNumber(number, &found);
    out->is_valid = util.IsValidNumberForRegion(number, found) ? 1 : 0;
    out->country_code = number.country_code();
    std::strcpy(out->region, found.size() == 2 ? found.c_str() : "ZZ");

    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    std::strncpy(out->e164, e164.c_str(), sizeof(out->e164) - 1);
}

extern "C" void zm_phone_parse(const char *text, const char *default_region, zm_phone_result *out) {
    std::memset(out, 0, sizeof(*out));
    out->status = 1;
    std::strcpy(out->region, "ZZ");
    if (text == nullptr) return;

    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util.Parse(text, region_or_unknown(default_region), &number) != PhoneNumberUtil::NO_PARSING_ERROR) return;
    describe(util, number, out);
}

extern "C" int zm_phone_find(const char *text, const char *default_region, zm_phone_result *out) {
    if (text == nullptr) return 0;
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    // VALID: only numbers libphonenumber knows as real, each standing apart from the text around it.
    PhoneNumberMatcher matcher(util, text, region_or_unknown(default_region), PhoneNumberMatcher::VALID, 10);
    int count = 0;
    PhoneNumberMatch match;
    while (count < 10 && matcher.HasNext() && matcher.Next(&match)) {
        if (count == 0) describe(util, match.number(), out);
        ++count;
    }
    return count;
}

extern "C" int zm_phone_is_supported_region(const char *region) {
    if (region == nullptr) return 0;
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    return regions.count(region) ? 1 : 0;
}

extern "C" int zm_phone_country_code_for_region(const char *region) {
    if (region == nullptr) return 0;
    return PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(region);
}

#include <gtest/gtest.h>

#include "estore/sdk/iso_time.h"

using estore::sdk::formatIsoMillis;
using estore::sdk::parseIsoMillis;

TEST(IsoTime, ParsesWixTimestamps) {
    EXPECT_EQ(parseIsoMillis("1970-01-01T00:00:00.000Z"), 0);
    EXPECT_EQ(parseIsoMillis("2021-05-25T13:51:01.718Z"), 1621950661718);
    EXPECT_EQ(parseIsoMillis("2021-05-25T13:51:01Z"), 1621950661000);
    EXPECT_EQ(parseIsoMillis("2021-05-25T13:51:01.7Z"), 1621950661700);
    EXPECT_EQ(parseIsoMillis("2021-05-25T13:51:01.718123Z"), 1621950661718);
    EXPECT_EQ(parseIsoMillis("2021-05-25T15:51:01.718+02:00"), 1621950661718);
    EXPECT_EQ(parseIsoMillis("2024-02-29T23:59:59.999Z"), 1709251199999);
}

TEST(IsoTime, RefusesWhatIsNotATimestamp) {
    for (const char* bad : {"", "2021-05-25", "2021-05-25T13:51:01", "2021-13-25T13:51:01Z",
                            "2021-05-25T13:51:01.Z", "2021-05-25T13:51:01.718Zjunk", "yesterday"})
        EXPECT_FALSE(parseIsoMillis(bad).has_value()) << bad;
}

TEST(IsoTime, FormatsRoundTrip) {
    EXPECT_EQ(formatIsoMillis(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(formatIsoMillis(1621950661718), "2021-05-25T13:51:01.718Z");
    for (std::int64_t t : {1709251199999LL, 1764000000000LL, 4102444800000LL})
        EXPECT_EQ(parseIsoMillis(formatIsoMillis(t)), t);
}

#include "bundle/writer.h"

#include <string>

#include <gtest/gtest.h>

#include "bundle/parser.h"

namespace encart {
namespace {

Bundle parsed(const std::string& json) {
  auto b = parse_bundle(json, {});
  EXPECT_TRUE(b) << (b ? "" : b.error().message);
  return b ? std::move(b).value() : Bundle{};
}

TEST(BundleWriter, WritesFieldsInDocumentedOrderLeavingEmptyOnesOut) {
  const Bundle b = parsed(R"({"site": {"name": "Le Site"}, "articles": [
    {"lang": "fr", "title": "T", "id": "1", "url": "https://e.ma/1", "published": "2024-12-10T08:00:00+01:00",
     "views_7d": 4, "tags": ["a"], "image": {"url": "https://e.ma/i.jpg", "width": 10}}]})");
  EXPECT_EQ(write_bundle(b), R"({
  "version": 1,
  "site": {
    "name": "Le Site"
  },
  "articles": [
    {
      "id": "1",
      "url": "https://e.ma/1",
      "title": "T",
      "published": "2024-12-10T08:00:00+01:00",
      "tags": [
        "a"
      ],
      "views_7d": 4,
      "image": {
        "url": "https://e.ma/i.jpg",
        "width": 10
      },
      "lang": "fr"
    }
  ]
}
)");
}

TEST(BundleWriter, KeepsOnlyTheRelatedSettingsTheInputGave) {
  const Bundle b = parsed(R"({"related": {"limit": 4, "weights": {"tags": 0.5}}, "articles": []})");
  const std::string out = write_bundle(b);
  EXPECT_NE(out.find(R"("related": {
    "weights": {
      "tags": 0.5
    },
    "limit": 4
  })"),
            std::string::npos)
      << out;
}

TEST(BundleWriter, WhatItWritesParsesBackToTheSameArticles) {
  const Bundle b = parsed(R"({"site": {"url": "https://e.ma/"}, "articles": [
    {"id": "a", "url": "/x", "title": "Été \"chaud\"", "published": "2024-12-10T08:00:00Z",
     "summary": "S", "authors": ["Nadia"], "category": "Société", "views": 3},
    {"id": "b", "url": "https://e.ma/y", "title": "مرحبا", "published": "2024-12-09T08:00:00+01:00"}]})");
  const Bundle again = parsed(write_bundle(b));
  ASSERT_EQ(again.articles.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(again.articles[i].id, b.articles[i].id);
    EXPECT_EQ(again.articles[i].url, b.articles[i].url);
    EXPECT_EQ(again.articles[i].title, b.articles[i].title);
    EXPECT_EQ(again.articles[i].published_text, b.articles[i].published_text);
    EXPECT_EQ(again.articles[i].authors, b.articles[i].authors);
    EXPECT_EQ(again.articles[i].views, b.articles[i].views);
  }
  EXPECT_EQ(again.site.url, "https://e.ma/");
}

}  // namespace
}  // namespace encart

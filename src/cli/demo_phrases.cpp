#include "cli/demo_phrases.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <stdexcept>

// The phrase banks of the demo workspace live in demo_phrases.json, compiled into the binary:
// what Énergie Sud, a gas and energy distributor in the south of France, says to its customers
// about safety, tanks, biomethane, heat pumps, savings, customer service, regulations and its
// climate commitments. Each sentence stands on its own so that any selection reads well; facts
// are kept general enough to stay true. Editing the texts is editing that file.

namespace copydesk::cli::demo {

std::string_view PhrasesJson();  // generated from demo_phrases.json

namespace json = boost::json;

namespace {

// The parsed file, kept for the life of the process: the banks' string_views point into it.
const json::object& Data() {
  static const json::value data = json::parse(PhrasesJson());
  return data.as_object();
}

std::string_view Text(const json::object& o, std::string_view key) {
  return o.at(key).as_string();
}

std::vector<std::string_view> Texts(const json::object& o, std::string_view key) {
  std::vector<std::string_view> out;
  for (const auto& v : o.at(key).as_array()) out.emplace_back(v.as_string());
  return out;
}

PhraseBank BankOf(const json::object& o) {
  return {.titles = Texts(o, "titles"),
          .subjects = Texts(o, "subjects"),
          .leads = Texts(o, "leads"),
          .headings = Texts(o, "headings"),
          .sentences = Texts(o, "sentences"),
          .tips = Texts(o, "tips"),
          .hooks = Texts(o, "hooks"),
          .scenes = Texts(o, "scenes"),
          .tags = Texts(o, "tags"),
          .hashtags = Texts(o, "hashtags")};
}

CommonPhrases CommonOf(const json::object& o) {
  return {.angles = Texts(o, "angles"),
          .ctas = Texts(o, "ctas"),
          .social_ctas = Texts(o, "social_ctas"),
          .greetings = Texts(o, "greetings"),
          .intros = Texts(o, "intros"),
          .signoffs = Texts(o, "signoffs"),
          .good_to_know = Texts(o, "good_to_know"),
          .list_intros = Texts(o, "list_intros"),
          .months = Texts(o, "months"),
          .read_more = Text(o, "read_more"),
          .voice_over = Text(o, "voice_over"),
          .shot = Text(o, "shot"),
          .end_shot = Text(o, "end_shot"),
          .legal = Text(o, "legal"),
          .brand_suffix = Text(o, "brand_suffix")};
}

}  // namespace

const std::vector<Topic>& Topics() {
  static const std::vector<Topic> topics = [] {
    std::vector<Topic> out;
    for (const auto& v : Data().at("topics").as_array()) {
      const auto& t = v.as_object();
      out.push_back({Text(t, "key"), Text(t, "project"), BankOf(t.at("fr").as_object()),
                     BankOf(t.at("en").as_object())});
    }
    return out;
  }();
  return topics;
}

const CommonPhrases& Common(std::string_view language) {
  static const CommonPhrases fr = CommonOf(Data().at("common").at("fr").as_object());
  static const CommonPhrases en = CommonOf(Data().at("common").at("en").as_object());
  return language == "fr" ? fr : en;
}

}  // namespace copydesk::cli::demo

#pragma once

#include <string_view>
#include <vector>

namespace copydesk::cli::demo {

//! What a gas and energy distributor writes about one topic, in one language. The demo's texts
//! are assembled from these, so they read like the marketing team's real material.
struct PhraseBank {
  std::vector<std::string_view> titles;     //!< complete titles
  std::vector<std::string_view> subjects;   //!< "Votre chaudière", combined with an angle
  std::vector<std::string_view> leads;      //!< one or two sentences introducing an article
  std::vector<std::string_view> headings;   //!< section headings of an article
  std::vector<std::string_view> sentences;  //!< body sentences, each standing on its own
  std::vector<std::string_view> tips;       //!< list items, a **bold** lead then the rest
  std::vector<std::string_view> hooks;      //!< short opening lines of social posts
  std::vector<std::string_view> scenes;     //!< shots of a video script
  std::vector<std::string_view> tags;
  std::vector<std::string_view> hashtags;
};

//! A subject the company writes about, with the campaign it usually belongs to.
struct Topic {
  std::string_view key;      //!< "gas_safety"
  std::string_view project;  //!< the name of its usual project (campaign)
  PhraseBank fr;
  PhraseBank en;

  const PhraseBank& In(std::string_view language) const { return language == "fr" ? fr : en; }
};

//! What every topic shares in one language: title angles, calls to action, greetings.
struct CommonPhrases {
  std::vector<std::string_view> angles;        //!< "ce qu'il faut savoir" after a subject
  std::vector<std::string_view> ctas;          //!< closing sentence of an article or a print
  std::vector<std::string_view> social_ctas;   //!< closing line of a social post
  std::vector<std::string_view> greetings;     //!< first line of a newsletter
  std::vector<std::string_view> intros;        //!< newsletter intros; "{month}" is replaced
  std::vector<std::string_view> signoffs;      //!< last lines of a newsletter
  std::vector<std::string_view> good_to_know;  //!< "Bon à savoir", before a quoted sentence
  std::vector<std::string_view> list_intros;   //!< the sentence before a list of tips
  std::vector<std::string_view> months;        //!< January … December
  std::string_view read_more;                  //!< link text to the full article
  std::string_view voice_over;                 //!< "Voix off"
  std::string_view shot;                       //!< "Plan"
  std::string_view end_shot;                   //!< the closing shot of a video
  std::string_view legal;                      //!< the small print of a print document
  std::string_view brand_suffix;               //!< appended to SEO titles that have room
};

//! The topics, in a fixed order (the generator's choices index into it).
const std::vector<Topic>& Topics();

//! The shared phrases of a language ("fr" or "en").
const CommonPhrases& Common(std::string_view language);

}  // namespace copydesk::cli::demo

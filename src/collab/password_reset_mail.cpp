#include "collab/password_reset_mail.hpp"

#include "core/text.hpp"

namespace copydesk::collab {

MailText PasswordResetMailText(std::string_view language, const std::string& name,
                               const std::string& link) {
  const bool fr = language == "fr";
  MailText out;
  out.subject = fr ? "Choisir un nouveau mot de passe copydesk" : "Choose a new copydesk password";
  const std::string hello = fr ? "Bonjour " + name + "," : "Hello " + name + ",";
  const std::string line =
      fr ? "Quelqu’un (sans doute vous) a demandé à changer le mot de passe de votre compte "
           "copydesk. Ce lien sert une seule fois et pendant une heure :"
         : "Someone (most likely you) asked to change the password of your copydesk account. This "
           "link works once, for one hour:";
  const std::string open = fr ? "Choisir un nouveau mot de passe" : "Choose a new password";
  const std::string ignore =
      fr ? "Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe ne change pas."
         : "If you did not ask, ignore this e-mail: your password stays as it is.";
  out.text = hello + "\n\n" + line + "\n" + link + "\n\n" + ignore + "\n";
  out.html = "<!DOCTYPE html>\n<html lang=\"" + std::string(fr ? "fr" : "en") +
             "\">\n<head><meta charset=\"utf-8\"><title>" + EscapeHtml(out.subject) +
             "</title></head>\n<body>\n<p>" + EscapeHtml(hello) + "</p>\n<p>" + EscapeHtml(line) +
             "</p>\n<p><a href=\"" + EscapeHtml(link) + "\">" + EscapeHtml(open) + "</a></p>\n<p>" +
             EscapeHtml(ignore) + "</p>\n</body>\n</html>\n";
  return out;
}

}  // namespace copydesk::collab

//! The letter view of an invoice: the letters to choose from, the chosen one rendered for the
//! printed sheet and for e-mail, the notices it needs, and how it can be sent; and a letter
//! as it was sent.

use crate::core::aging::queue::advice_for;
use crate::core::books::Books;
use crate::core::currency::Currency;
use crate::core::dates::{format_date, format_date_long};
use crate::core::ids::link;
use crate::core::interest::rates::USER_RATE_FIGURE_NOTE;
use crate::core::interest::InterestOptions;
use crate::core::ladder::{recommended_letter, LadderStep};
use crate::core::ledger::Ledger;
use crate::core::letters::output::{eml, mailto, mailto_subject_only, Mailbox};
use crate::core::letters::template::Value;
use crate::core::letters::variables::{letter_context, LetterContext};
use crate::core::letters::{Channel, Outgoing, LEGAL_NOTICE};
use crate::core::model::{Client, LetterTemplate, SentLetter};
use crate::core::settlement::letter_figures;
use crate::core::views::paid_late::{paid_late_option, PaidLateOption};
use chrono::NaiveDate;

/// One letter in the picker.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TemplateChoice {
    /// The template id (the option value).
    pub id: String,
    /// Its name, with "(recommended)" on the ladder's choice.
    pub label: String,
    /// The letter shown.
    pub selected: bool,
}

/// One way of sending in the "sent by" picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChannelChoice {
    /// The channel.
    pub channel: Channel,
    /// The one chosen.
    pub selected: bool,
}

/// A party to the letter: its name, postal address and e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Party {
    /// The name.
    pub name: String,
    /// The postal address, one line per row.
    pub address: String,
    /// The e-mail address.
    pub email: String,
}

/// Everything the letter view shows for one invoice and one chosen letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterView {
    /// The letters to choose from.
    pub templates: Vec<TemplateChoice>,
    /// The chosen letter's id.
    pub template_id: String,
    /// The subject line.
    pub subject: String,
    /// The body as e-mailed, copied or saved as .eml: a formal letter starts with the
    /// recipient's name and address, as on paper.
    pub mail_body: String,
    /// The body on the printed sheet, which sets the recipient's address itself.
    pub sheet_body: String,
    /// The `mailto:` link: with the body, or the subject only when the body is too long.
    pub mailto: String,
    /// False when the body did not fit in the link (copy it and paste it instead).
    pub mailto_has_body: bool,
    /// The subject and body as copied.
    pub copy_text: String,
    /// The business, at the head of the sheet.
    pub sender: Party,
    /// The client.
    pub recipient: Party,
    /// The date on the sheet.
    pub date: String,
    /// The "not legal advice" notice, on letters with legal effect.
    pub legal_notice: Option<&'static str>,
    /// The warning that a quoted interest figure needs a rate after its table's check.
    pub stale: Option<String>,
    /// Set when the interest the letter quotes uses a rate the user added in Settings.
    pub user_rate_note: Option<&'static str>,
    /// The option to claim interest on the client's invoices paid late, when there are any.
    pub paid_late: Option<PaidLateOption>,
    /// The ways it can be sent.
    pub channels: Vec<ChannelChoice>,
    /// The name of the downloaded .eml file.
    pub eml_file_name: String,
    /// The client it is addressed to.
    pub client_id: String,
    /// The invoices it covers.
    pub invoice_ids: Vec<String>,
}

impl LetterView {
    /// The letter as an .eml message, dated `date` (an RFC 5322 date the browser supplies).
    pub fn eml(&self, date: &str) -> String {
        eml(
            &Mailbox {
                name: &self.sender.name,
                address: &self.sender.email,
            },
            &Mailbox {
                name: &self.recipient.name,
                address: &self.recipient.email,
            },
            &self.subject,
            &self.mail_body,
            date,
        )
    }
}

/// The letter view for an invoice with the letter `template_id` chosen (the recommended one when
/// that id is unknown), to be sent by `channel`, its figures computed with `options` (with
/// `include_paid_late`, the letter also claims what invoices paid late still carry); `None`
/// when the invoice or its client is gone.
pub fn letter_view(
    books: &Books,
    invoice_id: &str,
    template_id: &str,
    channel: Channel,
    options: InterestOptions,
    today: NaiveDate,
) -> Option<LetterView> {
    let invoice = books.invoice(invoice_id)?;
    let client = books.client(&invoice.client_id)?;
    let recommended = recommended_letter(advice_for(books, invoice_id, today));
    let all = books.templates.all();
    let template = pick_template(&all, template_id, recommended)?;
    let letter = letter_context(
        books,
        invoice_id,
        today,
        template.deadline_days,
        &letter_figures(books, invoice_id),
        options,
    )?;
    Some(compose(Draft {
        books,
        client,
        all: &all,
        template,
        recommended,
        letter,
        invoice_ids: vec![invoice.id.clone()],
        currencies: vec![invoice.currency.clone()],
        options,
        channel,
        today,
    }))
}

/// The template `template_id` among `all`, or the `recommended` step's when there is no such
/// template.
pub(super) fn pick_template<'a>(
    all: &'a [LetterTemplate],
    template_id: &str,
    recommended: LadderStep,
) -> Option<&'a LetterTemplate> {
    all.iter()
        .find(|template| template.id == template_id)
        .or_else(|| all.iter().find(|template| template.id == recommended.id()))
}

/// What a letter view is made from: the chosen template, its filled variables, and what it
/// covers.
pub(super) struct Draft<'a> {
    pub(super) books: &'a Books,
    pub(super) client: &'a Client,
    pub(super) all: &'a [LetterTemplate],
    pub(super) template: &'a LetterTemplate,
    pub(super) recommended: LadderStep,
    pub(super) letter: LetterContext,
    pub(super) invoice_ids: Vec<String>,
    /// The currencies of the invoices it covers, for the paid-late option.
    pub(super) currencies: Vec<Currency>,
    /// How its interest figures were computed.
    pub(super) options: InterestOptions,
    pub(super) channel: Channel,
    pub(super) today: NaiveDate,
}

/// Renders the chosen letter for the sheet and for e-mail, with the picker and the ways to
/// send it: one path for the invoice letter and the client letter.
pub(super) fn compose(draft: Draft) -> LetterView {
    let Draft {
        books,
        client,
        all,
        template,
        recommended,
        mut letter,
        invoice_ids,
        currencies,
        options,
        channel,
        today,
    } = draft;
    let (subject, mail_body) = template.render(&letter.values);
    letter
        .values
        .insert("client.address_block".into(), Value::Text(String::new()));
    let (_, sheet_body) = template.render(&letter.values);
    let mailto_with_body = mailto(&client.email, &subject, &mail_body);
    LetterView {
        templates: all
            .iter()
            .map(|choice| TemplateChoice {
                id: choice.id.clone(),
                label: if choice.id == recommended.id() {
                    format!("{} (recommended)", choice.name)
                } else {
                    choice.name.clone()
                },
                selected: choice.id == template.id,
            })
            .collect(),
        template_id: template.id.clone(),
        copy_text: format!("{subject}\n\n{mail_body}"),
        mailto_has_body: mailto_with_body.is_some(),
        mailto: mailto_with_body.unwrap_or_else(|| mailto_subject_only(&client.email, &subject)),
        subject,
        mail_body,
        sheet_body,
        sender: Party {
            name: books.business.name.clone(),
            address: books.business.address.clone(),
            email: books.business.email.clone(),
        },
        recipient: Party {
            name: client.name.clone(),
            address: client.address.clone(),
            email: client.email.clone(),
        },
        date: format_date_long(today),
        legal_notice: template.needs_legal_notice().then_some(LEGAL_NOTICE),
        stale: letter
            .stale
            .filter(|_| template.quotes_interest())
            .map(|stale| stale.message()),
        user_rate_note: (letter.user_rate && template.quotes_interest())
            .then_some(USER_RATE_FIGURE_NOTE),
        paid_late: paid_late_option(books, &client.id, &currencies, today, options),
        channels: Channel::ALL
            .into_iter()
            .map(|choice| ChannelChoice {
                channel: choice,
                selected: choice == channel,
            })
            .collect(),
        eml_file_name: format!("{}-{today}.eml", template.id),
        client_id: client.id.clone(),
        invoice_ids,
    }
}

/// One letter as it was sent, for the page that opens it (`/letters/<id>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentLetterView {
    /// The letter's id.
    pub id: String,
    /// The client's name and page.
    pub client_name: String,
    /// The client's page.
    pub client_href: String,
    /// "Sent on 16 March 2026 by e-mail".
    pub sent_line: String,
    /// The day it was sent, ISO.
    pub date_iso: String,
    /// The template it was drafted from, by name (or its id when that template is gone).
    pub template_name: String,
    /// The invoices it covers: (number, page), in the letter's order.
    pub invoices: Vec<(String, String)>,
    /// The letter as it went out.
    pub sheet: Sheet,
}

/// A letter on its sheet: letterhead, date, recipient, subject and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The business.
    pub sender: Party,
    /// The client.
    pub recipient: Party,
    /// The date on the sheet.
    pub date: String,
    /// The subject line.
    pub subject: String,
    /// The text.
    pub body: String,
}

impl LetterView {
    /// The letter as it will go out by `channel`: by e-mail the e-mailed text, otherwise the
    /// printed sheet's.
    pub fn outgoing(&self, channel: Channel) -> Outgoing<'_> {
        Outgoing {
            client_id: &self.client_id,
            invoice_ids: &self.invoice_ids,
            template_id: &self.template_id,
            subject: &self.subject,
            body: match channel {
                Channel::Email => &self.mail_body,
                Channel::Post | Channel::Hand => &self.sheet_body,
            },
        }
    }

    /// The letter on its printed sheet.
    pub fn sheet(&self) -> Sheet {
        Sheet {
            sender: self.sender.clone(),
            recipient: self.recipient.clone(),
            date: self.date.clone(),
            subject: self.subject.clone(),
            body: self.sheet_body.clone(),
        }
    }
}

/// The page of a letter as sent: `/letters/<id>`.
pub fn sent_letter_href(id: &str) -> String {
    link("letters", id)
}

/// The letter `id` exactly as it was sent, or `None` when there is no such letter.
pub fn sent_letter(ledger: &Ledger, id: &str) -> Option<SentLetterView> {
    let letter = ledger.letter(id)?;
    let client = ledger.client(&letter.client_id);
    let channel = Channel::from_id(&letter.channel)
        .map(|channel| format!(" by {}", channel.label()))
        .or_else(|| (!letter.channel.is_empty()).then(|| format!(" by {}", letter.channel)))
        .unwrap_or_default();
    Some(SentLetterView {
        id: letter.id.clone(),
        client_name: client.map_or(letter.client_id.clone(), |client| client.name.clone()),
        client_href: link("clients", &letter.client_id),
        sent_line: format!("Sent on {}{channel}", format_date_long(letter.date)),
        date_iso: letter.date.to_string(),
        template_name: ledger
            .templates
            .get(&letter.template)
            .map_or(letter.template.clone(), |template| template.name),
        invoices: letter
            .invoice_ids
            .iter()
            .map(|invoice_id| {
                let number = ledger
                    .invoice(invoice_id)
                    .map_or(invoice_id.clone(), |invoice| invoice.number.clone());
                (number, link("invoices", invoice_id))
            })
            .collect(),
        sheet: Sheet {
            sender: Party {
                name: ledger.business.name.clone(),
                address: ledger.business.address.clone(),
                email: ledger.business.email.clone(),
            },
            recipient: Party {
                name: client.map_or(String::new(), |client| client.name.clone()),
                address: client.map_or(String::new(), |client| client.address.clone()),
                email: client.map_or(String::new(), |client| client.email.clone()),
            },
            date: format_date_long(letter.date),
            subject: letter.subject.clone(),
            body: letter.body.clone(),
        },
    })
}

/// One letter sent about an invoice, as its letters section lists it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SentLetterLine {
    /// The page that opens it.
    pub href: String,
    /// The day it was sent, for people.
    pub date: String,
    /// Its subject.
    pub subject: String,
}

/// The letters kept as sent that cover `invoice_id`, newest first.
pub fn letters_sent_about(ledger: &Ledger, invoice_id: &str) -> Vec<SentLetterLine> {
    let mut letters: Vec<&SentLetter> = ledger
        .letters
        .iter()
        .filter(|letter| letter.invoice_ids.iter().any(|id| id == invoice_id))
        .collect();
    letters.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id)));
    letters
        .into_iter()
        .map(|letter| SentLetterLine {
            href: sent_letter_href(&letter.id),
            date: format_date(letter.date),
            subject: letter.subject.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::backup;
    use crate::core::ladder::LadderStep;
    use crate::core::ledger::Ledger;
    use crate::core::model::{InterestTerms, RuleKind};
    use crate::core::views::paid_late::PaidLateOption;
    use std::sync::Arc;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// The contract example under the UK Act (the business default).
    fn ledger() -> Ledger {
        let mut ledger = backup::import(include_str!(
            "../../../tests/fixtures/contract-example.json"
        ))
        .unwrap();
        ledger.invoices[0].interest = None;
        ledger
    }

    fn view(ledger: Ledger, template_id: &str, as_of: &str) -> LetterView {
        let books = Books::new(Arc::new(ledger));
        letter_view(
            &books,
            "i1",
            template_id,
            Channel::Post,
            InterestOptions::default(),
            day(as_of),
        )
        .unwrap()
    }

    /// On 16 March 2026 the invoice is 30 days late and one reminder was sent (not through the
    /// ladder), so the ladder recommends its first step. The demand letter (Bank Rate 3.75% on
    /// 31 Dec 2025 + 8 = 11.75%; interest £10.62, compensation £70) is chosen.
    #[test]
    fn the_demand_letter_is_addressed_noticed_and_offered_beside_the_recommendation() {
        let letter = view(ledger(), "demand-letter", "2026-03-16");
        assert_eq!(letter.template_id, "demand-letter");
        assert_eq!(
            letter.subject,
            "Letter before action: £1,080.62 owed to Ada Studio"
        );
        assert!(letter
            .mail_body
            .starts_with("Acme Ltd\n2 Low Rd\nLeeds\n\nDear Jo Bloggs,\n\nI write formally about the sums that Acme Ltd owes Ada Studio."));
        assert!(letter.sheet_body.starts_with(
            "Dear Jo Bloggs,\n\nI write formally about the sums that Acme Ltd owes Ada Studio."
        ));
        assert_eq!(letter.legal_notice, Some(LEGAL_NOTICE));
        assert_eq!(letter.stale, None);
        let labels: Vec<(&str, &str, bool)> = letter
            .templates
            .iter()
            .map(|choice| (choice.id.as_str(), choice.label.as_str(), choice.selected))
            .collect();
        assert_eq!(
            labels[..5],
            [
                ("reminder-before-due", "Reminder before due date", false),
                ("reminder-overdue", "Overdue reminder (recommended)", false),
                ("follow-up", "Follow-up", false),
                ("final-notice", "Final notice", false),
                ("demand-letter", "Demand letter", true),
            ]
        );
        assert_eq!(
            letter.recipient,
            Party {
                name: "Acme Ltd".into(),
                address: "2 Low Rd\nLeeds".into(),
                email: "jo@acme.test".into(),
            }
        );
        assert_eq!(letter.date, "16 March 2026");
        assert_eq!(letter.eml_file_name, "demand-letter-2026-03-16.eml");
        assert!(letter
            .mailto
            .starts_with("mailto:jo@acme.test?subject=Letter%20before%20action"));
        assert_eq!(
            letter.channels,
            [
                ChannelChoice {
                    channel: Channel::Email,
                    selected: false
                },
                ChannelChoice {
                    channel: Channel::Post,
                    selected: true
                },
                ChannelChoice {
                    channel: Channel::Hand,
                    selected: false
                },
            ]
        );
    }

    #[test]
    fn an_unknown_letter_falls_back_to_the_recommended_one_without_a_notice() {
        let letter = view(ledger(), "custom-404", "2026-03-16");
        assert_eq!(letter.template_id, LadderStep::ReminderOverdue.id());
        assert_eq!(letter.legal_notice, None);
        assert_eq!(letter.mail_body, letter.sheet_body);
        assert!(letter.copy_text.starts_with(
            "Reminder: invoice INV-001 was due on 14 February 2026\n\nDear Jo Bloggs,"
        ));
    }

    /// An EU-rule invoice reported on 20 January 2027 needs the ECB rate in force on 1 January
    /// 2027, after the table's check (30 September 2026). The final notice quotes the interest
    /// and carries the warning; the overdue reminder quotes none and does not.
    #[test]
    fn a_letter_quoting_interest_after_the_tables_check_carries_the_warning() {
        let mut eu = ledger();
        eu.invoices[0].interest = Some(InterestTerms::rule(RuleKind::EuDirective));
        let notice = view(eu.clone(), "final-notice", "2027-01-20");
        assert_eq!(
            notice.stale.as_deref(),
            Some("ECB main refinancing operations rate table checked to 30 Sep 2026; if the bank has changed its rate since, add the new rate in Settings.")
        );
        assert_eq!(
            view(eu.clone(), "reminder-overdue", "2027-01-20").stale,
            None
        );
        assert_eq!(notice.user_rate_note, None);
        let mut mine = eu;
        mine.settings.rate_rows.push(crate::core::model::RateRow {
            table: crate::core::model::RateTableId::Ecb,
            from: day("2026-12-01"),
            rate: "2.90".parse().unwrap(),
        });
        let with_mine = view(mine, "final-notice", "2027-01-20");
        assert_eq!(with_mine.stale, None);
        assert_eq!(
            with_mine.user_rate_note,
            Some("This interest uses a reference rate you added in Settings.")
        );
    }

    /// The contract example (UK Act) with INV-002: £1,000 due 30 Jan 2026, paid in full on 1 Mar,
    /// 30 days late. On 16 Mar it still carries 31 Jan–1 Mar = 30 days at 11.75%:
    /// 1,000 × 11.75% × 30 / 365 = 3,525 / 365 = 9.657… → £9.66, and £70: £79.66.
    fn with_an_invoice_paid_late() -> Ledger {
        let mut ledger = ledger();
        let mut paid = ledger.invoices[0].clone();
        paid.id = "i2".into();
        paid.number = "INV-002".into();
        paid.issue_date = day("2026-01-01");
        paid.due_date = day("2026-01-30");
        paid.amount = crate::core::money::Amount::new(1000.into()).unwrap();
        ledger.invoices.push(paid);
        let mut payment = ledger.payments[0].clone();
        payment.id = "p2".into();
        payment.invoice_id = "i2".into();
        payment.date = day("2026-03-01");
        payment.amount = crate::core::money::Amount::new(1000.into()).unwrap();
        ledger.payments.push(payment);
        ledger
    }

    /// Off (the default), the demand letter claims INV-001 only (£1,000 + £10.62 + £70 =
    /// £1,080.62) and offers the option with what it would add. On, it lists INV-002 and claims
    /// £1,080.62 + £79.66 = £1,160.28: interest £10.62 + £9.66 = £20.28, compensation £140.
    #[test]
    fn a_letter_claims_interest_on_invoices_paid_late_only_when_the_option_is_on() {
        let books = Books::new(Arc::new(with_an_invoice_paid_late()));
        let draft = |include_paid_late| {
            let options = InterestOptions {
                include_paid_late,
                ..InterestOptions::default()
            };
            letter_view(
                &books,
                "i1",
                "demand-letter",
                Channel::Post,
                options,
                day("2026-03-16"),
            )
            .unwrap()
        };
        let off = draft(false);
        assert_eq!(
            off.subject,
            "Letter before action: £1,080.62 owed to Ada Studio"
        );
        assert!(!off.mail_body.contains("INV-002"));
        assert_eq!(
            off.paid_late,
            Some(PaidLateOption {
                label: "Include interest on invoices paid late",
                hint: "1 invoice paid in full but late still carries £79.66 of interest and compensation.".into(),
                checked: false,
            })
        );
        let on = draft(true);
        assert_eq!(
            on.subject,
            "Letter before action: £1,160.28 owed to Ada Studio"
        );
        assert!(on.paid_late.as_ref().is_some_and(|option| option.checked));
        assert!(on.sheet_body.contains(
            "- Invoice INV-001, issued 15 January 2026, due 14 February 2026: £1,000.00 outstanding of £1,200.00 (30 days overdue)\n\nOutstanding balance: £1,000.00\n"
        ), "{}", on.sheet_body);
        assert!(on.sheet_body.contains(
            "the interest and compensation that accrued until payment remain due:\n\n- Invoice INV-002, due 30 January 2026, paid on 1 March 2026 (30 days late): interest £9.66, compensation £70.00\n"
        ), "{}", on.sheet_body);
        assert!(on.sheet_body.contains(
            "Interest on these invoices to date: £20.28\nFixed compensation: £140.00\n\nTotal now claimed: £1,160.28"
        ), "{}", on.sheet_body);
    }

    /// A client with no invoice paid late is not offered the option.
    #[test]
    fn no_option_is_offered_when_nothing_was_paid_late() {
        assert_eq!(
            view(ledger(), "demand-letter", "2026-03-16").paid_late,
            None
        );
    }

    #[test]
    fn the_eml_carries_the_mail_body_with_the_address_block() {
        let letter = view(ledger(), "demand-letter", "2026-03-16");
        let message = letter.eml("Mon, 16 Mar 2026 09:00:00 +0000");
        assert!(
            message.contains("To: Acme Ltd <jo@acme.test>\r\n"),
            "{message}"
        );
        assert!(
            message.contains("From: Ada Studio <ada@example.com>\r\n"),
            "{message}"
        );
    }

    #[test]
    fn a_letter_marked_sent_opens_as_sent_and_is_listed_on_its_invoice() {
        let mut ledger = ledger();
        let letter = view(ledger.clone(), "reminder-overdue", "2026-03-16");
        let mut ids = crate::core::ids::Sequential::default();
        let (id, _) = crate::core::letters::record_sent(
            &mut ledger,
            letter.outgoing(Channel::Email),
            Channel::Email,
            day("2026-03-16"),
            &mut ids,
        )
        .unwrap();
        let sent = sent_letter(&ledger, &id).unwrap();
        assert_eq!(sent.sent_line, "Sent on 16 March 2026 by e-mail");
        assert_eq!(sent.template_name, "Overdue reminder");
        assert_eq!(
            sent.invoices,
            [("INV-001".to_string(), "/invoices/i1".to_string())]
        );
        assert_eq!(sent.client_href, "/clients/c1");
        assert_eq!(sent.sheet.subject, letter.subject);
        assert_eq!(sent.sheet.body, letter.mail_body);
        assert_eq!(
            letters_sent_about(&ledger, "i1"),
            [SentLetterLine {
                href: format!("/letters/{id}"),
                date: "16 Mar 2026".into(),
                subject: letter.subject.clone(),
            }]
        );
        assert!(sent_letter(&ledger, "l-404").is_none());
        let by_post = view(ledger, "demand-letter", "2026-03-16");
        assert_eq!(by_post.outgoing(Channel::Post).body, by_post.sheet_body);
        assert_eq!(by_post.outgoing(Channel::Email).body, by_post.mail_body);
    }
}

//! The stock letters, one per ladder step and the reply to a dispute: courteous, firm and
//! specific, with consequences stated as facts and never as threats. The escalation letters
//! also read as one statement of a client's account (`account.invoices` is set), and mention
//! a promise to pay that was broken or only part-kept.

/// (id, subject, body, deadline in days)
pub(super) const STOCK: [(&str, &str, &str, i64); 9] = [
    (
        "reminder-before-due",
        "Invoice {{ invoice.number }} is due on {{ invoice.due_date }}",
        "Dear {{ client.contact }},

A quick, friendly note: invoice {{ invoice.number }} for {{ invoice.amount }} is due on {{ invoice.due_date }}.

If it is already on its way, thank you, and please ignore this note. If anything on the invoice needs clarifying, just reply and I will sort it out straight away.

Kind regards,
{{ business.sign_off }}",
        7,
    ),
    (
        "reminder-overdue",
        "{% if account.invoices %}Reminder: statement of overdue invoices, {{ totals.balance }} outstanding{% else %}Reminder: invoice {{ invoice.number }} was due on {{ invoice.due_date }}{% endif %}",
        "Dear {{ client.contact }},

I hope all is well. {% if account.invoices %}Our records show an open balance on the following invoices:

{{ account.statement }}

They may simply have been missed.{% else %}Our records show that invoice {{ invoice.number }}, due on {{ invoice.due_date }}, has an open balance of {{ invoice.balance }}.

It may simply have been missed.{% endif %} Could you arrange payment by {{ deadline }}, or let me know when I can expect it? If you have already paid, please accept my thanks and send me the payment date so I can match it.

Kind regards,
{{ business.sign_off }}",
        7,
    ),
    (
        "follow-up",
        "{% if account.invoices %}Following up: statement of overdue invoices, {{ totals.balance }} outstanding{% else %}Following up: invoice {{ invoice.number }} ({{ invoice.balance }} outstanding){% endif %}",
        "Dear {{ client.contact }},

{% if account.invoices %}I am following up on these overdue invoices:

{{ account.statement }}{% else %}I am following up on invoice {{ invoice.number }}, which was due on {{ invoice.due_date }} and is now {{ invoice.days_overdue }} days overdue. The balance is {{ invoice.balance }}.{% endif %}{% if promise.unkept %}

{{ promise.unkept }}{% endif %}

If something is making payment difficult right now, please tell me. I would rather find a workable solution with you, and I am happy to agree a short payment plan in instalments if that helps.

Please reply by {{ deadline }} with a payment date or a proposal.

Kind regards,
{{ business.sign_off }}",
        7,
    ),
    (
        "final-notice",
        "{% if account.invoices %}Final notice: statement of overdue invoices, {{ totals.balance }} outstanding{% else %}Final notice: invoice {{ invoice.number }}, {{ invoice.balance }} overdue{% endif %}",
        "Dear {{ client.contact }},

{% if account.invoices %}Despite my earlier reminders, these invoices remain unpaid:

{{ account.statement }}{% else %}Despite my earlier reminders, invoice {{ invoice.number }} remains unpaid {{ invoice.days_overdue }} days after its due date of {{ invoice.due_date }}. The balance is {{ invoice.balance }}.{% endif %}{% if promise.unkept %}

{{ promise.unkept }}{% endif %}

Please pay in full by {{ deadline }}.
{% if account.invoices %}{% if totals.interest %}
For your information, late payment carries statutory consequences: interest of {{ totals.interest }} has accrued so far on these invoices{% if totals.compensation %}, and fixed compensation of {{ totals.compensation }} applies{% endif %}. Interest continues to accrue until payment.
{% endif %}{% else %}{% if interest.total %}
For your information, late payment carries statutory consequences. Under the {{ interest.rule }} ({{ interest.citation }}), interest of {{ interest.total }} has accrued so far at {{ interest.rate }} a year{% if interest.compensation %}, and fixed compensation of {{ interest.compensation }} applies{% endif %}. Interest continues to accrue until payment.
{% endif %}{% endif %}
If the balance is not settled or a payment plan agreed by that date, my next step will be a formal letter before action, after which the debt may be referred to a collection agency or to court. I would much prefer to avoid that, so please contact me if there is a problem.

Yours sincerely,
{{ business.sign_off }}",
        7,
    ),
    (
        "demand-letter",
        "Letter before action: {{ totals.claim }} owed to {{ business.name }}",
        "{{ client.address_block }}

Dear {{ client.contact }},

I write formally about the sums that {{ client.name }} owes {{ business.name }}. Despite reminders, the following invoices remain unpaid:

{% for row in statement %}- Invoice {{ row.number }}, issued {{ row.issue_date }}, due {{ row.due_date }}: {{ row.balance }} outstanding of {{ row.amount }} ({{ row.days_overdue }} days overdue)
{% endfor %}{% if account.left_out %}
{{ account.left_out }}
{% endif %}{% if promise.unkept %}
{{ promise.unkept }}
{% endif %}
Outstanding balance: {{ totals.balance }}
{% if paid_late %}
The following invoices were paid in full, but after their due date; the interest and compensation that accrued until payment remain due:

{% for row in paid_late %}- Invoice {{ row.number }}, due {{ row.due_date }}, paid on {{ row.paid_on }} ({{ row.days_late }} days late): interest {{ row.interest }}, compensation {{ row.compensation }}
{% endfor %}{% endif %}{% if interest.total %}{% if not account.invoices %}
Interest on invoice {{ invoice.number }} under the {{ interest.rule }} ({{ interest.citation }}):
{% for row in interest.rows %}- {{ row.from }} to {{ row.to }}: {{ row.days }} days on {{ row.principal }} at {{ row.rate }} a year = {{ row.amount }}
{% endfor %}{% endif %}
Interest on {% if paid_late %}these{% else %}all open{% endif %} invoices to date: {{ totals.interest }}
Fixed compensation: {{ totals.compensation }}
{% endif %}
Total now claimed: {{ totals.claim }}

Please pay this sum in full by {{ deadline }}. You can pay by bank transfer quoting the invoice numbers, or contact me{% if business.email %} at {{ business.email }}{% endif %} to arrange another method.

If you dispute any part of this claim, please tell me in writing before that date and explain why, enclosing any documents you rely on. I am also willing to consider mediation or another form of alternative dispute resolution, and to discuss a payment plan.

If I receive neither payment nor a response by {{ deadline }}, I intend to start court proceedings to recover the debt, interest and costs without further notice. Court proceedings may add to the amount you owe.

Yours sincerely,

{{ business.sign_off }}",
        14,
    ),
    (
        "settlement-offer",
        "A proposal to settle invoice {{ invoice.number }}",
        "Dear {{ client.contact }},

Thank you for talking with me about the outstanding balance of {{ totals.balance }}. To resolve this without further cost to either of us, I propose the following settlement:
{% if settlement.amount %}
- You pay {{ settlement.amount }}{% if settlement.pay_by %} by {{ settlement.pay_by }}{% endif %}.
{% endif %}{% if settlement.schedule %}
- Payments as follows:
{% for row in settlement.schedule %}  {{ row.number }}. {{ row.date }}: {{ row.amount }}
{% endfor %}{% endif %}
On payment as agreed, I will treat the account as settled in full and waive the remaining balance and the interest claimed. If a payment is missed, the full original claim becomes due again.

This offer is open until {{ deadline }}. Please reply to confirm, and I will send a short written agreement for us both to sign.

Kind regards,
{{ business.sign_off }}",
        14,
    ),
    (
        "settlement-agreement",
        "Settlement agreement: {{ client.name }} and {{ business.name }}",
        "SETTLEMENT AGREEMENT

Date: {{ today }}

Between:
1. {{ business.name }}, {{ business.address }} (the Creditor), and
2. {{ client.name }}, {{ client.address }} (the Debtor).

1. The debt. The Debtor acknowledges owing the Creditor {{ totals.claim }}, made up of unpaid invoices of {{ totals.balance }}{% if interest.total %}, interest of {{ totals.interest }} and compensation of {{ totals.compensation }}{% endif %}, for the following invoices:
{% for row in statement %}   - {{ row.number }}, due {{ row.due_date }}: {{ row.balance }}
{% endfor %}{% for row in paid_late %}   - {{ row.number }}, due {{ row.due_date }}, paid late on {{ row.paid_on }}: interest and compensation of {{ row.claim }}
{% endfor %}
2. The settlement. The Creditor agrees to accept {{ settlement.amount }} in full and final settlement, paid as follows:
{% for row in settlement.schedule %}   {{ row.number }}. {{ row.date }}: {{ row.amount }}
{% endfor %}
3. Default. If any payment is more than 7 days late and is not made within 7 days of a written reminder, this agreement ends, the amount waived and the interest revive, and the full original claim, less payments made, becomes due at once.

4. Once every payment has been made, neither party has any further claim against the other for these invoices.

Signed for the Creditor: ______________________   Date: __________
{{ business.signature }}

Signed for the Debtor: ______________________   Date: __________
{{ client.contact }}",
        14,
    ),
    (
        "payment-thanks",
        "Thank you for your payment of invoice {{ invoice.number }}",
        "Dear {{ client.contact }},

Thank you for your payment towards invoice {{ invoice.number }}. {% if invoice.balance %}The remaining balance is {{ invoice.balance }}.{% else %}The invoice is now paid in full.{% endif %}

I appreciate your help in settling this, and I look forward to working with you again.

Kind regards,
{{ business.sign_off }}",
        0,
    ),
    (
        "dispute-response",
        "Your query about invoice {{ invoice.number }}",
        "Dear {{ client.contact }},

Thank you for your query about invoice {{ invoice.number }}{% if dispute.opened_on %}, raised on {{ dispute.opened_on }}{% endif %}{% if dispute.reason %} (“{{ dispute.reason }}”){% endif %}. I appreciate you explaining your concerns, and I have looked into them carefully.

Having reviewed the invoice against the work delivered and what we agreed, I am satisfied that the amount invoiced is correct, so it stands.{% if dispute.decision %} {{ dispute.decision }}{% endif %}

The balance of {{ invoice.balance }} therefore remains due, and I would be grateful to receive it by {{ deadline }}. If it would help to spread the payment over a few instalments, or to talk the decision through, please reply and I will gladly arrange it.

If the balance is not paid or a plan agreed by that date, I will resume my usual reminders for the overdue amount{% if interest.total %}, and interest under the {{ interest.rule }} continues to accrue ({{ interest.total }} so far){% endif %}. I would much rather settle this directly with you.

Kind regards,
{{ business.sign_off }}",
        14,
    ),
];

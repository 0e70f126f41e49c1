//! One notification's report as plain text, Markdown and CSV: what the page copies into a
//! ticket, made here so that every value is escaped once, by the rules of [`super::escape`].

use super::escape::{cell, md, plain};
use crate::diagnostics::issue::Issue;
use crate::model::{ContactCenterEvent, Report};

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn kind_label(report: &Report) -> &'static str {
    use crate::Kind::*;
    match report.kind {
        ContactCenterPhoneNumber => "Contact Center phone-number event",
        SubscriptionRenewal => "subscription renewal reminder",
        OtherEvent => "notification of another event",
        WebSocketControl => "WebSocket control frame",
        ValidationRequest => "WebHook validation request (empty body)",
        NotANotification => "not a notification",
        Malformed => "malformed JSON",
    }
}

fn delivery_label(report: &Report) -> Option<&'static str> {
    use crate::Delivery::*;
    Some(match report.delivery {
        WebHook => "WebHook body",
        WebSocket => "WebSocket frame",
        Apns => "APNS wrapper",
        BodyOnly => "body only (no envelope)",
        Unknown => return None,
    })
}

/// "Valid", "Invalid" and what kind of payload it is, in one line.
fn verdict(report: &Report) -> String {
    let delivery = delivery_label(report)
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    format!(
        "{}: {}{delivery}; {}, {}",
        if report.valid { "Valid" } else { "Invalid" },
        kind_label(report),
        plural(report.errors.len(), "error"),
        plural(report.warnings.len(), "warning")
    )
}

/// A valid event's fields, those it carries (and not empty), each given to `put` as (label,
/// value) in a fixed order. Through `dyn`, one copy serves the text and the Markdown; values
/// are borrowed where the event holds them.
fn fields(event: &ContactCenterEvent, put: &mut dyn FnMut(&'static str, &str)) {
    let info = &event.body.phone_number_info;
    // "name, id 1", either part alone, or nothing. Written out rather than joined: the
    // validate-only module then carries `join` for `&str` lists only.
    let provider = info.contact_center_provider.as_ref().map(|p| {
        let mut text = p.name.clone().unwrap_or_default();
        if let Some(id) = &p.id {
            if p.name.is_some() {
                text.push_str(", ");
            }
            text.push_str("id ");
            text.push_str(id);
        }
        text
    });
    let time = event.time.to_iso();
    let rows: [(&'static str, Option<&str>); 17] = [
        ("Event type", Some(event.body.event_type.as_str())),
        ("Phone number", Some(&info.phone_number)),
        ("Number id", Some(&info.id)),
        ("Account", Some(&event.account_id)),
        ("Owner (extension)", Some(&event.owner_id)),
        ("Time (UTC)", Some(&time)),
        ("Timestamp (as sent)", Some(&event.timestamp)),
        ("Type", info.number_type.map(|t| t.as_str())),
        ("Usage type", info.usage_type.as_deref()),
        ("Payment type", info.payment_type.as_deref()),
        ("Status", info.status.as_deref()),
        ("Location", info.location.as_deref()),
        ("Provider", provider.as_deref()),
        ("URI", info.uri.as_deref()),
        ("Notification uuid", Some(&event.uuid)),
        ("Subscription", Some(&event.subscription_id)),
        ("Event filter", Some(&event.event)),
    ];
    for (label, value) in rows {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            put(label, value);
        }
    }
}

fn issues(report: &Report) -> impl Iterator<Item = &Issue> {
    report.errors.iter().chain(&report.warnings)
}

fn issue_line(i: &Issue) -> String {
    let mut line = format!(
        "  {} {} {}: {}\n",
        i.place(),
        i.severity.as_str(),
        i.code.as_str(),
        plain(&i.message)
    );
    if let Some(h) = &i.hint {
        line.push_str(&format!("    hint: {}\n", plain(h)));
    }
    line
}

/// The report as plain text for a ticket.
pub(crate) fn report_text(report: &Report) -> String {
    let mut out = format!("Contact Center phone-number event\n{}\n", verdict(report));
    if let Some(c) = &report.change {
        out.push_str(&plain(&c.sentence));
        out.push('\n');
    }
    if let Some(frame) = &report.frame {
        out.push_str(&format!(
            "{}: {}\n",
            frame.frame_type.as_str(),
            plain(&frame.sentence)
        ));
    }
    for (label, list) in [("Errors", &report.errors), ("Warnings", &report.warnings)] {
        if !list.is_empty() {
            out.push_str(&format!("\n{label} ({}):\n", list.len()));
            list.iter().for_each(|i| out.push_str(&issue_line(i)));
        }
    }
    if let Some(event) = &report.event {
        out.push_str("\nFields:\n");
        fields(event, &mut |k, v| {
            out.push_str(&format!("  {k}: {}\n", plain(v)))
        });
    }
    out
}

/// The report as Markdown: verdict, change, a table of issues, a table of fields.
pub(crate) fn report_markdown(report: &Report) -> String {
    let mut out = format!(
        "# Contact Center phone-number event\n\n**{}**\n\n",
        md(&verdict(report))
    );
    if let Some(c) = &report.change {
        out.push_str(&format!("{}\n\n", md(&c.sentence)));
    }
    if let Some(frame) = &report.frame {
        let line = format!("{}: {}", frame.frame_type.as_str(), frame.sentence);
        out.push_str(&format!("{}\n\n", md(&line)));
    }
    if issues(report).next().is_some() {
        out.push_str("| Severity | Line:Col | Code | Message | Hint |\n|---|---:|---|---|---|\n");
        for i in issues(report) {
            out.push_str(&format!(
                "| {} | {} | `{}` | {} | {} |\n",
                i.severity.as_str(),
                md(&i.place()),
                i.code.as_str(),
                md(&i.message),
                md(i.hint.as_deref().unwrap_or(""))
            ));
        }
        out.push('\n');
    }
    if let Some(event) = &report.event {
        out.push_str("| Field | Value |\n|---|---|\n");
        fields(event, &mut |k, v| {
            out.push_str(&format!("| {k} | {} |\n", md(v)))
        });
        out.push('\n');
    }
    out
}

/// A position's cell: empty where there is none.
fn position(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// The report's issues as CSV, one row each.
pub(crate) fn report_csv(report: &Report) -> String {
    let mut out = String::from("severity,code,line,column,offset,length,path,message,hint\r\n");
    for i in issues(report) {
        let row = [
            i.severity.as_str().to_string(),
            i.code.as_str().to_string(),
            position(i.line),
            position(i.column),
            position(i.offset),
            position(i.length),
            cell(&i.path),
            cell(&i.message),
            cell(i.hint.as_deref().unwrap_or("")),
        ];
        for (k, value) in row.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            out.push_str(value);
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::ValidateOptions;

    fn rendered(payload: &str) -> crate::Report {
        let options = ValidateOptions {
            text: true,
            markdown: true,
            csv: true,
            ..ValidateOptions::default()
        };
        crate::validate(payload, &options)
    }

    #[test]
    fn a_location_cannot_open_a_code_block_or_forge_lines() {
        let payload = r#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/1/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"2","body":{"eventType":"Created","phoneNumberInfo":{"id":"3","phoneNumber":"+12024999741","location":"Washington, DC\r\r~~~\r"}}}"#;
        let r = rendered(payload);
        assert!(r.valid);
        let markdown = r.markdown.unwrap();
        assert!(!markdown.contains("~~~"), "{markdown}");
        assert!(
            markdown.contains("| Location | Washington, DC\\\\u000d"),
            "{markdown}"
        );
        let text = r.text.unwrap();
        assert!(
            text.contains("  Location: Washington, DC\\u000d\\u000d~~~\\u000d\n"),
            "{text}"
        );
        assert!(text.lines().all(|l| !l.contains('\r')));
        assert_eq!(
            r.csv.unwrap(),
            "severity,code,line,column,offset,length,path,message,hint\r\n"
        );
    }

    #[test]
    fn lists_every_issue_in_each_rendering() {
        let r = rendered(r#"{"uuid": "x", "note": "=1+1"}"#);
        let csv = r.csv.unwrap();
        assert_eq!(csv.lines().count(), 1 + r.errors.len() + r.warnings.len());
        assert!(csv.contains(",/note,"), "{csv}");
        let text = r.text.unwrap();
        assert!(text.contains("Invalid: "), "{text}");
        assert!(text.contains("invalid-uuid"), "{text}");
        assert!(r.markdown.unwrap().contains("`invalid-uuid`"));
    }
}

//! What one valid event did, in words a support engineer would write.

use crate::model::{Change, Effect, Event, EventType};
use crate::rules::ACCOUNT_PLACEHOLDER;
use crate::vocab::CONTACT_CENTER;

/// The effect of an event on the account's Contact Center numbers.
pub fn effect_of(event_type: EventType, usage_type: Option<&str>) -> Effect {
    match event_type {
        EventType::Created => Effect::Added,
        EventType::Deleted => Effect::Removed,
        EventType::Updated if usage_type == Some(CONTACT_CENTER) => Effect::ConvertedIn,
        EventType::Updated => Effect::ReassignedAway,
    }
}

/// How an account reads in a sentence.
pub fn describe_account(account: &str) -> String {
    let mut out = String::new();
    push_account(&mut out, account);
    out
}

fn push_account(out: &mut String, account: &str) {
    match account {
        "~" => out.push_str("the subscriber's own account"),
        ACCOUNT_PLACEHOLDER => out.push_str("an unnamed account (the filter holds `{accountId}`)"),
        a => {
            out.push_str("account ");
            out.push_str(a);
        }
    }
}

/// The change record for a valid event.
pub fn change_of(event: &Event) -> Change {
    let info = &event.body.phone_number_info;
    let effect = effect_of(event.body.event_type, info.usage_type.as_deref());
    // One buffer, pushed in order: this runs for every valid event of a log.
    let mut text = String::with_capacity(192);
    text.push_str(match effect {
        Effect::Added | Effect::Removed | Effect::Updated => "Contact Center number ",
        Effect::ConvertedIn | Effect::ReassignedAway => "Phone number ",
    });
    text.push_str(&info.phone_number);
    text.push_str(" (id ");
    text.push_str(&info.id);
    if let Some(t) = info.number_type {
        text.push_str(", ");
        text.push_str(t.as_str());
    }
    if let Some(l) = info.location.as_deref().filter(|l| !l.is_empty()) {
        text.push_str(", ");
        text.push_str(l);
    }
    text.push_str(") was ");
    text.push_str(match effect {
        Effect::Added => "created on ",
        Effect::Removed => "deleted from ",
        Effect::ConvertedIn => "converted to a Contact Center number on ",
        Effect::ReassignedAway => "reassigned from Contact Center to ",
        Effect::Updated => "updated on ",
    });
    if effect == Effect::ReassignedAway {
        text.push_str(info.usage_type.as_deref().unwrap_or("another use"));
        text.push_str(" on ");
    }
    push_account(&mut text, &event.account_id);
    let provider = info
        .contact_center_provider
        .as_ref()
        .and_then(|p| p.name.as_deref().or(p.id.as_deref()));
    if let (Some(p), Effect::Added | Effect::ConvertedIn | Effect::Updated) = (provider, effect) {
        text.push_str(" with provider \u{201c}");
        text.push_str(p);
        text.push('\u{201d}');
    }
    text.push_str(" at ");
    event.time.write_human(&mut text);
    text.push('.');
    Change {
        action: match event.body.event_type {
            EventType::Created => "created",
            EventType::Updated => "updated",
            EventType::Deleted => "deleted",
        },
        effect,
        phone_number: info.phone_number.clone(),
        id: info.id.clone(),
        number_type: info.number_type,
        usage_type: info.usage_type.clone(),
        provider: info.contact_center_provider.clone(),
        account_id: event.account_id.clone(),
        time: event.time,
        sentence: text,
    }
}

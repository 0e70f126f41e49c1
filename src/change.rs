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
    match account {
        "~" => "the subscriber's own account".to_string(),
        ACCOUNT_PLACEHOLDER => "an unnamed account (the filter holds `{accountId}`)".to_string(),
        a => format!("account {a}"),
    }
}

/// The change record for a valid event.
pub fn change_of(event: &Event) -> Change {
    let info = &event.body.phone_number_info;
    let effect = effect_of(event.body.event_type, info.usage_type.as_deref());
    let mut details = vec![format!("id {}", info.id)];
    if let Some(t) = info.number_type {
        details.push(t.as_str().to_string());
    }
    if let Some(l) = info.location.as_deref().filter(|l| !l.is_empty()) {
        details.push(l.to_string());
    }
    let number = format!("{} ({})", info.phone_number, details.join(", "));
    let account = describe_account(&event.account_id);
    let provider = info
        .contact_center_provider
        .as_ref()
        .and_then(|p| p.name.as_deref().or(p.id.as_deref()))
        .map(|p| format!(" with provider \u{201c}{p}\u{201d}"))
        .unwrap_or_default();
    let what = match effect {
        Effect::Added => {
            format!("Contact Center number {number} was created on {account}{provider}")
        }
        Effect::Removed => format!("Contact Center number {number} was deleted from {account}"),
        Effect::ConvertedIn => {
            format!("Phone number {number} was converted to a Contact Center number on {account}{provider}")
        }
        Effect::ReassignedAway => format!(
            "Phone number {number} was reassigned from Contact Center to {} on {account}",
            info.usage_type.as_deref().unwrap_or("another use")
        ),
    };
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
        sentence: format!("{what} at {}.", event.time.to_human()),
    }
}

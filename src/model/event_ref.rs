//! The one shape of an event in the crate: [`EventRef`], borrowed from wherever its values
//! stand (the input text for the fast reader, the parse tree for the full rules, an owned
//! [`ContactCenterEvent`]), with the same members as [`ContactCenterEvent`]. The change, the summary and the owned
//! [`ContactCenterEvent`] are all made from it, so a field is added in one place and read the same way on
//! every route.

use crate::model::timestamp::Instant;
use crate::model::{
    Body, ContactCenterEvent, ContactCenterProvider, EventType, NumberType, PhoneNumberInfo,
};

/// [`ContactCenterEvent`], borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventRef<'a> {
    pub uuid: &'a str,
    pub event: &'a str,
    pub account_id: &'a str,
    pub timestamp: &'a str,
    pub time: Instant,
    pub subscription_id: &'a str,
    pub owner_id: &'a str,
    pub body: BodyRef<'a>,
}

/// [`Body`], borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BodyRef<'a> {
    pub event_type: EventType,
    pub phone_number_info: PhoneNumberInfoRef<'a>,
}

/// [`PhoneNumberInfo`], borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhoneNumberInfoRef<'a> {
    pub uri: Option<&'a str>,
    pub id: &'a str,
    pub phone_number: &'a str,
    pub payment_type: Option<&'a str>,
    pub location: Option<&'a str>,
    pub number_type: Option<NumberType>,
    pub usage_type: Option<&'a str>,
    pub status: Option<&'a str>,
    pub contact_center_provider: Option<ProviderRef<'a>>,
}

/// [`ContactCenterProvider`], borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ProviderRef<'a> {
    pub id: Option<&'a str>,
    pub name: Option<&'a str>,
}

impl<'a> EventRef<'a> {
    /// `event`'s values, borrowed.
    pub fn of(event: &'a ContactCenterEvent) -> Self {
        let info = &event.body.phone_number_info;
        EventRef {
            uuid: &event.uuid,
            event: &event.event,
            account_id: &event.account_id,
            timestamp: &event.timestamp,
            time: event.time,
            subscription_id: &event.subscription_id,
            owner_id: &event.owner_id,
            body: BodyRef {
                event_type: event.body.event_type,
                phone_number_info: PhoneNumberInfoRef {
                    uri: info.uri.as_deref(),
                    id: &info.id,
                    phone_number: &info.phone_number,
                    payment_type: info.payment_type.as_deref(),
                    location: info.location.as_deref(),
                    number_type: info.number_type,
                    usage_type: info.usage_type.as_deref(),
                    status: info.status.as_deref(),
                    contact_center_provider: info.contact_center_provider.as_ref().map(|p| {
                        ProviderRef {
                            id: p.id.as_deref(),
                            name: p.name.as_deref(),
                        }
                    }),
                },
            },
        }
    }

    /// The event type, from the body.
    pub fn event_type(&self) -> EventType {
        self.body.event_type
    }

    /// The number's fields, from the body.
    pub fn info(&self) -> &PhoneNumberInfoRef<'a> {
        &self.body.phone_number_info
    }

    /// The owned [`ContactCenterEvent`] with these values.
    pub fn to_event(self) -> ContactCenterEvent {
        let info = self.info();
        let owned = |s: Option<&str>| s.map(str::to_string);
        ContactCenterEvent {
            uuid: self.uuid.to_string(),
            event: self.event.to_string(),
            account_id: self.account_id.to_string(),
            timestamp: self.timestamp.to_string(),
            time: self.time,
            subscription_id: self.subscription_id.to_string(),
            owner_id: self.owner_id.to_string(),
            body: Body {
                event_type: self.body.event_type,
                phone_number_info: PhoneNumberInfo {
                    uri: owned(info.uri),
                    id: info.id.to_string(),
                    phone_number: info.phone_number.to_string(),
                    payment_type: owned(info.payment_type),
                    location: owned(info.location),
                    number_type: info.number_type,
                    usage_type: owned(info.usage_type),
                    status: owned(info.status),
                    contact_center_provider: info.contact_center_provider.map(|p| p.to_provider()),
                },
            },
        }
    }
}

impl<'a> ProviderRef<'a> {
    /// The owned [`ContactCenterProvider`] with these values.
    pub fn to_provider(self) -> ContactCenterProvider {
        ContactCenterProvider {
            id: self.id.map(str::to_string),
            name: self.name.map(str::to_string),
        }
    }

    /// How the provider reads in a sentence: its name, or its id when it has no name.
    pub fn label(self) -> Option<&'a str> {
        self.name.or(self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::timestamp;

    #[test]
    fn an_event_borrowed_and_owned_again_is_the_same_event() {
        let event = ContactCenterEvent {
            uuid: "2661273919712564939".into(),
            event: "/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber"
                .into(),
            account_id: "37439510".into(),
            timestamp: "2023-04-18T20:25:24.611Z".into(),
            time: timestamp::parse("2023-04-18T20:25:24.611Z").unwrap(),
            subscription_id: "9d38419f-645f-4ee3-a053-8cf1368c21c4".into(),
            owner_id: "8475874957".into(),
            body: Body {
                event_type: EventType::Updated,
                phone_number_info: PhoneNumberInfo {
                    uri: None,
                    id: "987654321".into(),
                    phone_number: "+12024999741".into(),
                    payment_type: Some("TollFree".into()),
                    location: Some("Washington, DC".into()),
                    number_type: Some(NumberType::VoiceFax),
                    usage_type: Some("DirectNumber".into()),
                    status: None,
                    contact_center_provider: Some(ContactCenterProvider {
                        id: Some("7".into()),
                        name: None,
                    }),
                },
            },
        };
        let borrowed = EventRef::of(&event);
        assert_eq!(borrowed.to_event(), event);
        let provider = borrowed.info().contact_center_provider.unwrap();
        assert_eq!(provider.label(), Some("7"));
    }
}

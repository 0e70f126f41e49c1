//! RingCentral's documented values, and "did you mean" for near misses.

pub const PAYMENT_TYPES: &[&str] = &[
    "External",
    "TollFree",
    "Local",
    "BusinessMobileNumberProvider",
    "ExternalNumberProvider",
    "ExternalNumberProviderTollFree",
    "Mobile",
];

pub const STATUSES: &[&str] = &["Normal", "Pending", "PortedIn", "Temporary", "Unknown"];

pub const NUMBER_TYPES: &[&str] = &["Voice", "Fax", "VoiceFax", "VoiceOnly", "FaxOnly"];

pub const CONTACT_CENTER: &str = "ContactCenterNumber";

pub const USAGE_TYPES: &[&str] = &[
    "MainCompanyNumber",
    "AdditionalCompanyNumber",
    "CompanyNumber",
    "DirectNumber",
    "CompanyFaxNumber",
    "FmcBusinessMobileNumber",
    "InventoryFmcBusinessMobileNumber",
    "ForwardedNumber",
    "ForwardedCompanyNumber",
    "ContactCenterNumber",
    "ConferencingNumber",
    "MeetingsNumber",
    "NumberPool",
    "BusinessMobileNumber",
    "ELIN",
    "PartnerBusinessMobileNumber",
    "NumberPoolPartnerBusinessMobileNumber",
    "NumberStorage",
    "IntegrationNumber",
    "InventoryMobileNumber",
];

pub const EVENT_TYPES: &[&str] = &["Created", "Updated", "Deleted"];

pub const ENVELOPE_FIELDS: &[&str] = &[
    "uuid",
    "event",
    "timestamp",
    "subscriptionId",
    "ownerId",
    "body",
];
pub const BODY_FIELDS: &[&str] = &["eventType", "phoneNumberInfo"];
pub const INFO_FIELDS: &[&str] = &[
    "uri",
    "id",
    "phoneNumber",
    "paymentType",
    "location",
    "type",
    "usageType",
    "status",
    "contactCenterProvider",
];
pub const PROVIDER_FIELDS: &[&str] = &["id", "name"];

/// The candidate a person most likely meant: same letters in another case, a prefix or
/// extension of it (`Create`, `Createdd`), or within a couple of typos.
pub fn closest<'c>(input: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let trimmed = input.trim();
    if trimmed.is_empty() || trimmed.len() > 64 {
        return None;
    }
    let lower = trimmed.to_ascii_lowercase();
    let mut best: Option<(usize, &'c str)> = None;
    for &c in candidates {
        let cl = c.to_ascii_lowercase();
        let score = if cl == lower {
            0
        } else if lower.len() >= 3 && (cl.starts_with(&lower) || lower.starts_with(&cl)) {
            1
        } else {
            let d = edit_distance(&lower, &cl);
            let allowed = (c.len() / 4).clamp(1, 2);
            if d > allowed {
                continue;
            }
            1 + d
        };
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c).filter(|&c| c != input)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_value_a_person_meant() {
        assert_eq!(closest("created", EVENT_TYPES), Some("Created"));
        assert_eq!(closest("Create", EVENT_TYPES), Some("Created"));
        assert_eq!(closest("Upated", EVENT_TYPES), Some("Updated"));
        assert_eq!(closest("DELETED", EVENT_TYPES), Some("Deleted"));
        assert_eq!(closest("phonenumber", INFO_FIELDS), Some("phoneNumber"));
        assert_eq!(
            closest("ContactCentreNumber", USAGE_TYPES),
            Some("ContactCenterNumber")
        );
    }

    #[test]
    fn stays_quiet_when_nothing_is_close() {
        assert_eq!(closest("Frobnicated", EVENT_TYPES), None);
        assert_eq!(closest("", EVENT_TYPES), None);
        assert_eq!(closest("Created", EVENT_TYPES), None);
    }
}

//! Turning a file's bytes into text, saying which encoding it was.
use crate::error::{Error, Result};

/// The encodings a spreadsheet file is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Utf16,
    /// Windows-1252 (a superset of Latin-1), what Excel on Windows writes in "CSV".
    Windows1252,
}

/// Decodes `bytes`: UTF-8 (BOM removed), UTF-16 with a BOM, or else Windows-1252, which the
/// preview reports as converted. A file too large or with NUL bytes (binary) is refused.
pub fn decode(bytes: &[u8], max: usize) -> Result<(String, Encoding)> {
    if bytes.len() > max {
        return Err(Error::FileTooLarge {
            bytes: bytes.len() as u64,
            max: max as u64,
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, _, bad) = encoding_rs::UTF_16LE.decode(bytes);
        if bad {
            return Err(unsupported("the UTF-16 text is damaged"));
        }
        return Ok((no_nul(text.into_owned())?, Encoding::Utf16));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((no_nul(text.to_owned())?, Encoding::Utf8));
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    Ok((no_nul(text.into_owned())?, Encoding::Windows1252))
}

fn utf8(bytes: &[u8]) -> Result<(String, Encoding)> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        unsupported(format!(
            "the file says UTF-8 but byte {} is not",
            e.valid_up_to() + 3
        ))
    })?;
    Ok((no_nul(text.to_owned())?, Encoding::Utf8))
}

fn no_nul(text: String) -> Result<String> {
    if text.contains('\0') {
        return Err(unsupported("the file holds NUL bytes: not a text file"));
    }
    Ok(text)
}

pub(crate) fn unsupported(reason: impl Into<String>) -> Error {
    Error::UnsupportedFile {
        reason: reason.into(),
    }
}

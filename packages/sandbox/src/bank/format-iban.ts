/** A valid UK IBAN (ISO 13616 check digits) for a bank code, sort code and account number. */
export function formatIban(bankCode: string, sortCode: string, accountNumber: string): string {
  const bban = `${bankCode}${sortCode.replaceAll('-', '')}${accountNumber}`;
  const numeric = `${bban}GB00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  // Chunked mod 97: the numeric form is too long for a double.
  let remainder = 0;
  for (let i = 0; i < numeric.length; i += 7)
    remainder = Number(`${remainder}${numeric.slice(i, i + 7)}`) % 97;
  return `GB${String(98 - remainder).padStart(2, '0')}${bban}`;
}

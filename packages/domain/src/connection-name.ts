/** The longest name a person may give a connection (the API's and the CLI's limit). */
export const connectionLabelMaxLength = 60;

/**
 * What a connection is called everywhere (web, CLI, API): the person's own name for it, else the bank's name
 * with the first account's last digits, so two sandbox "MOCK" banks differ ("MOCK ••1234").
 */
export function connectionName(connection: {
  label: string | null;
  providerName: string;
  accounts?: readonly { maskedNumber: string | null }[];
}): string {
  if (connection.label) return connection.label;
  const digits = connection.accounts?.find((a) => a.maskedNumber)?.maskedNumber;
  if (!digits) return connection.providerName;
  return /^\d+$/.test(digits)
    ? `${connection.providerName} ••${digits}`
    : `${connection.providerName} ${digits}`;
}

/** Categories arrive as codes (`EATING_OUT`, `groceries`); people read "Eating out". */
export function categoryLabel(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Uncategorised';
}

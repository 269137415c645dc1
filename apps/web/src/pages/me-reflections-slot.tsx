/**
 * The member's reflections on their personal page (/me). The reflections feature fills this slot
 * (a list of the member's reflections with their deadlines and grades); until it does, the page
 * shows nothing here.
 */
export function MeReflectionsSlot() {
  return null;
}

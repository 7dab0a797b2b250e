/** The key under which queryAttendingOutlets answers for the reader's own groups. */
export const ownGroupsKey = 'own-groups';

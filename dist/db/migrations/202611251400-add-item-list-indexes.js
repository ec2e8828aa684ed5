async function up(db) {
  await db.schema.createIndex("item_deadline_status_idx").on("item").columns(["deadline", "status"]).execute();
  await db.schema.dropIndex("item_deadline_idx").execute();
  await db.schema.createIndex("item_assignment_unit_role_item_idx").on("item_assignment").columns(["unit_id", "role", "item_id"]).execute();
  await db.schema.dropIndex("item_assignment_unit_idx").execute();
  await db.schema.createIndex("item_area_idx").on("item").column("area").execute();
}
async function down(db) {
  await db.schema.dropIndex("item_area_idx").execute();
  await db.schema.createIndex("item_assignment_unit_idx").on("item_assignment").columns(["unit_id", "role"]).execute();
  await db.schema.dropIndex("item_assignment_unit_role_item_idx").execute();
  await db.schema.createIndex("item_deadline_idx").on("item").column("deadline").execute();
  await db.schema.dropIndex("item_deadline_status_idx").execute();
}
export {
  down,
  up
};
//# sourceMappingURL=202611251400-add-item-list-indexes.js.map

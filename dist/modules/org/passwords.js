import { hash, verify } from "@node-rs/argon2";
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };
function hashPassword(password) {
  return hash(password, OPTIONS);
}
let dummyHash;
async function verifyPassword(storedHash, password) {
  dummyHash ??= hashPassword("not-a-real-password-0");
  try {
    return await verify(storedHash ?? await dummyHash, password);
  } catch {
    return false;
  }
}
export {
  hashPassword,
  verifyPassword
};
//# sourceMappingURL=passwords.js.map

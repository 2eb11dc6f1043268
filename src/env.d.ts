import type { StaffUser } from './server/auth.ts';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in staff member on admin routes; null for anonymous requests and public pages. */
      user: StaffUser | null;
      /** A refused photo upload, shown on the product page it came from with what was typed (#20.4). */
      imageProblem?: { message: string; altVi: string; altEn: string };
    }
  }
}

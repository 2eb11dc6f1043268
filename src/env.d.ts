import type { StaffUser } from './server/auth.ts';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in staff member on admin routes; null for anonymous requests and public pages. */
      user: StaffUser | null;
    }
  }
}

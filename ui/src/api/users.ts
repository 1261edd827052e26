import {
  commands,
  type AppointmentView,
  type NewUserInput,
  type RegistrarInput,
  type RegistrarView,
  type UserView,
} from '@/bindings/bindings'
import { unwrap } from './errors'

export async function listUsers(): Promise<UserView[]> {
  return unwrap(await commands.userList())
}

export async function addUser(input: NewUserInput): Promise<UserView> {
  return unwrap(await commands.userAdd(input))
}

export async function lockUser(username: string): Promise<UserView> {
  return unwrap(await commands.userLock(username))
}

export async function unlockUser(username: string): Promise<UserView> {
  return unwrap(await commands.userUnlock(username))
}

export async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  unwrap(await commands.userChangePassword(oldPassword, newPassword))
}

export async function listRegistrars(): Promise<RegistrarView[]> {
  return unwrap(await commands.registrarList())
}

export async function appointRegistrar(input: RegistrarInput): Promise<AppointmentView> {
  return unwrap(await commands.registrarAppoint(input))
}

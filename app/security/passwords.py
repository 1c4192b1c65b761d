"""argon2id password hashes (argon2-cffi); a hash made with other parameters is re-made at the
next sign-in. (The test suite swaps ``HASHER`` for cheap parameters in its conftest.)"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4, type=Type.ID)


def hasher() -> PasswordHasher:
    return HASHER


def hash_password(password: str) -> str:
    return hasher().hash(password)


def verify_password(stored: str, password: str) -> bool:
    try:
        return hasher().verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    try:
        return hasher().check_needs_rehash(stored)
    except InvalidHashError:
        return True


def policy_errors(username: str, password: str) -> list[str]:
    """What is wrong with a new password (Vietnamese); empty when it is acceptable."""
    problems = []
    if len(password) < 8:
        problems.append("Mật khẩu phải có ít nhất 8 ký tự.")
    if password.strip().casefold() == username.strip().casefold():
        problems.append("Mật khẩu không được trùng với tên đăng nhập.")
    if password != password.strip():
        problems.append("Mật khẩu không được bắt đầu hay kết thúc bằng khoảng trắng.")
    return problems

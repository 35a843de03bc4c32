namespace System
{
    public class Object
    {
        public Object() { }
        public virtual bool Equals(object obj) { throw null; }
        public static bool Equals(object objA, object objB) { throw null; }
        public static bool ReferenceEquals(object objA, object objB) { throw null; }
        public virtual int GetHashCode() { throw null; }
        public Type GetType() { throw null; }
        public virtual string ToString() { throw null; }
        protected object MemberwiseClone() { throw null; }
        ~Object() { }
    }

    public abstract class ValueType
    {
        protected ValueType() { }
        public override bool Equals(object obj) { throw null; }
        public override int GetHashCode() { throw null; }
        public override string ToString() { throw null; }
    }

    public struct Void { }

    public abstract class Enum : ValueType
    {
        protected Enum() { }
        public bool HasFlag(Enum flag) { throw null; }
        public override string ToString() { throw null; }
    }

    public abstract class Type : System.Reflection.MemberInfo
    {
        protected Type() { }
        public abstract string FullName { get; }
        public static Type GetType(string typeName) { throw null; }
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) { throw null; }
        public override string ToString() { throw null; }
    }

    public struct RuntimeTypeHandle { }
    public struct RuntimeFieldHandle { }
    public struct RuntimeMethodHandle { }

    public struct IntPtr
    {
        public static readonly IntPtr Zero;
    }

    public struct UIntPtr { }

    public struct TypedReference { }
    public struct ArgIterator { }
    public struct RuntimeArgumentHandle { }
}

namespace System.Reflection
{
    public abstract class MemberInfo
    {
        protected MemberInfo() { }
        public abstract string Name { get; }
        public abstract Type DeclaringType { get; }
    }
}

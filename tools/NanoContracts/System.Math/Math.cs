namespace System
{
    // mscorlib 1.17 has no public Math (only an internal helper); System.Math comes from this assembly.
    // Only the double overloads are mirrored: the float overloads are marked obsolete-as-error in current releases.
    public static class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;
        public static int Max(int val1, int val2) { throw null; }
        public static double Max(double x, double y) { throw null; }
        public static int Min(int val1, int val2) { throw null; }
        public static double Min(double x, double y) { throw null; }
        public static int Abs(int val) { throw null; }
        public static double Abs(double val) { throw null; }
        public static float Abs(float val) { throw null; }
        public static double Acos(double d) { throw null; }
        public static double Asin(double d) { throw null; }
        public static double Atan(double d) { throw null; }
        public static double Atan2(double y, double x) { throw null; }
        public static double Ceiling(double d) { throw null; }
        public static double Cos(double a) { throw null; }
        public static double Cosh(double a) { throw null; }
        public static double IEEERemainder(double x, double y) { throw null; }
        public static double Exp(double d) { throw null; }
        public static double Floor(double d) { throw null; }
        public static double Log(double d) { throw null; }
        public static double Log10(double d) { throw null; }
        public static double Pow(double x, double y) { throw null; }
        public static double Round(double d) { throw null; }
        public static int Sign(double value) { throw null; }
        public static double Sin(double a) { throw null; }
        public static double Sinh(double value) { throw null; }
        public static double Sqrt(double d) { throw null; }
        public static double Tan(double a) { throw null; }
        public static double Tanh(double value) { throw null; }
        public static double Truncate(double d) { throw null; }
    }
}

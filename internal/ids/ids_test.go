package ids

import "testing"

func TestExpert(t *testing.T) {
	used := map[string]bool{}
	for _, c := range []struct{ name, want string }{
		{"Jane Doe", "doe"}, {"John Doe", "doe-2"}, {"Jürgen van der Berg", "berg"},
		{"Tom O’Neill", "oneill"}, {"شبلي تلحمي (Shibley Telhami)", "telhami"},
		{"张伟 王", "expert"}, {"Amira El-Sayed", "el-sayed"}, {"", "expert-2"},
	} {
		if got := Expert(c.name, "expert", used); got != c.want {
			t.Errorf("Expert(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestSlug(t *testing.T) {
	used := map[string]bool{}
	for _, c := range []struct{ text, want string }{
		{"Iraq is returning to the pre-2011 insurgency.", "iraq-is-returning-to"},
		{"Iraq is returning to chaos.", "iraq-is-returning-to-2"},
		{"“Quoted” — dashes: 50%!", "quoted-dashes-50"},
		{"عربي فقط", "claim"},
	} {
		if got := Slug(c.text, 4, "claim", used); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

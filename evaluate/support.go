package evaluate

// Bipolar is a bipolar argumentation framework with necessities over arguments 0..N-1: the
// attack relation of Dung's frameworks and, for some arguments, a set of reasons of which at
// least one must stand for the argument to stand (the generalised necessary support of
// Nouioua 2013, which is also evidential support in the sense of Oren & Norman 2008 when the
// arguments without reasons are the prima facie ones). It is argmap's "support" semantics:
// a premise stands unless defeated; a conclusion or recommendation that has reasons stands
// only while one of them stands and it is not defeated.
type Bipolar struct {
	// Attackers[a] lists the arguments that defeat a.
	Attackers [][]int
	// Reasons[a] lists the arguments that support a.
	Reasons [][]int
	// Needs[a] reports whether a stands only while one of its reasons stands.
	Needs   []bool
	targets [][]int // what each argument attacks
	backs   [][]int // what each argument supports
}

// NewBipolar makes a framework of n arguments from attack and support pairs (from, to);
// needs says which arguments need one of their reasons (nil: every argument that has one).
func NewBipolar(n int, attacks, supports [][2]int, needs []bool) *Bipolar {
	f := &Bipolar{Attackers: make([][]int, n), Reasons: make([][]int, n), Needs: make([]bool, n),
		targets: make([][]int, n), backs: make([][]int, n)}
	for _, a := range attacks {
		f.Attackers[a[1]] = append(f.Attackers[a[1]], a[0])
		f.targets[a[0]] = append(f.targets[a[0]], a[1])
	}
	for _, s := range supports {
		f.Reasons[s[1]] = append(f.Reasons[s[1]], s[0])
		f.backs[s[0]] = append(f.backs[s[0]], s[1])
	}
	for a := range n {
		f.Needs[a] = len(f.Reasons[a]) > 0 && (needs == nil || needs[a])
	}
	return f
}

// N returns the number of arguments.
func (f *Bipolar) N() int { return len(f.Attackers) }

// Label returns the sceptical labelling: the least fixed point of the rules
//
//   - an argument is in when every attacker is out and, if it needs a reason, one reason is in;
//   - it is defeated when an attacker is in;
//   - it is unsupported when it needs a reason and every reason is out, or when no chain of
//     reasons that are not out leads to it from an argument that needs none (its reasons
//     rest on each other in a circle);
//   - it is undecided otherwise: a cycle of attacks that nothing settles.
//
// Accepted arguments are in and rejected ones defeated whatever the rules say (what if the
// reader accepts or rejects them). Without supports the labelling is Dung's grounded one
// (with Defeated for Out).
//
// Each round of propagation visits every argument, attack and support at most a constant
// number of times; a further round runs only when the circle check finds new unsupported
// arguments, so cycles of support and attack of any length end, in at most n rounds: time
// O(n·(n+e)) in the worst case, O(n+e) when no support circle is left hanging.
func (f *Bipolar) Label(accept, reject []int) []Label {
	n := f.N()
	labels := make([]Label, n)
	fixed := make([]bool, n)
	live := make([]int, n)    // attackers not yet out
	reasons := make([]int, n) // reasons not yet out
	held := make([]bool, n)   // a reason is in
	var queue []int
	set := func(a int, l Label) {
		if labels[a] == Undecided {
			labels[a] = l
			queue = append(queue, a)
		}
	}
	check := func(a int) {
		if labels[a] == Undecided && !fixed[a] && live[a] == 0 && (!f.Needs[a] || held[a]) {
			set(a, In)
		}
	}
	for _, a := range reject {
		fixed[a] = true
		set(a, Defeated)
	}
	for _, a := range accept {
		fixed[a] = true
		set(a, In)
	}
	for a := range n {
		live[a], reasons[a] = len(f.Attackers[a]), len(f.Reasons[a])
		check(a)
	}
	reach := make([]bool, n)
	var stack []int
	for {
		for len(queue) > 0 {
			a := queue[0]
			queue = queue[1:]
			if labels[a] == In {
				for _, t := range f.targets[a] {
					if !fixed[t] {
						set(t, Defeated)
					}
				}
				for _, s := range f.backs[a] {
					held[s] = true
					check(s)
				}
				continue
			}
			for _, t := range f.targets[a] {
				live[t]--
				check(t)
			}
			for _, s := range f.backs[a] {
				reasons[s]--
				if f.Needs[s] && reasons[s] == 0 && !fixed[s] {
					set(s, Unsupported)
				}
			}
		}
		// The circle check: what a chain of reasons that are not out can still reach from
		// an argument that needs none (or is in).
		stack = stack[:0]
		for a := range n {
			reach[a] = false
			if labels[a] == In || labels[a] == Undecided && !f.Needs[a] {
				reach[a] = true
				stack = append(stack, a)
			}
		}
		for len(stack) > 0 {
			a := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, s := range f.backs[a] {
				if !reach[s] && labels[s] == Undecided {
					reach[s] = true
					stack = append(stack, s)
				}
			}
		}
		for a := range n {
			if labels[a] == Undecided && !reach[a] && !fixed[a] {
				set(a, Unsupported)
			}
		}
		if len(queue) == 0 {
			return labels
		}
	}
}

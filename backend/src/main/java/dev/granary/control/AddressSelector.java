package dev.granary.control;

import dev.granary.address.Address;
import dev.granary.chain.actors.miner.MinerInfo;
import dev.granary.fil.TokenAmount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lotus' AddressSelector.AddressFor and PickAddress, explaining every step. The candidates, in order:
 * the addresses configured for the use (PoSt: the miner's on-chain control addresses that are neither
 * owner nor worker nor configured for another use), then the worker (unless DisableWorkerFallback, and
 * always when nothing else is listed), then the owner (unless DisableOwnerFallback). Each is resolved
 * to its ID; one that is not a controlling address of the miner, or whose key is not in this node's
 * wallet, is skipped. The first with at least {@code goodFunds} is taken; otherwise the one with the
 * highest balance of at least {@code minFunds} (and above zero); otherwise nothing.
 *
 * <p>Where this differs from Lotus, on purpose: an address whose key is not in the wallet is never the
 * "least bad" one (Lotus checks the key only for a fully funded address, then fails at signing); when
 * nothing qualifies the answer is empty with a reason (Lotus returns the worker and lets the send fail);
 * PoSt candidates keep the on-chain order (Lotus iterates a Go map).
 */
final class AddressSelector {

    private final ControlChain chain;
    private final Predicate<Address> inWallet;

    AddressSelector(ControlChain chain, Predicate<Address> inWallet) {
        this.chain = chain;
        this.inWallet = inWallet;
    }

    /**
     * One entry of the candidate list before balances are looked at; {@code skip} set means it cannot be
     * used; {@code note} is added to its verdict.
     */
    private record Proposal(Address address, String source, String skip, String note) {
        Proposal(Address address, String source, String skip) {
            this(address, source, skip, "");
        }
    }

    AddressChoice choose(ControlChain.Miner miner, SelectionConfig config, AddressUse use, TokenAmount goodFunds,
                         TokenAmount minFunds) {
        List<Proposal> proposals = proposals(miner.info(), config, use);
        return pick(miner, use, proposals, goodFunds, minFunds);
    }

    private List<Proposal> proposals(MinerInfo info, SelectionConfig config, AddressUse use) {
        List<Proposal> out = new ArrayList<>();
        if (use == AddressUse.POST) {
            out.addAll(postProposals(info, config));
        } else {
            for (Address a : configured(config, use)) {
                out.add(new Proposal(a, use.label() + "Control", null));
            }
        }
        boolean anyListed = out.stream().anyMatch(p -> p.skip() == null);
        if (!anyListed || !config.disableWorkerFallback()) {
            String note = anyListed || !config.disableWorkerFallback() ? ""
                : " (DisableWorkerFallback is set, but nothing else is listed for " + use.label()
                    + ", so the worker stands in, as in Lotus)";
            out.add(new Proposal(info.worker(), "worker", null, note));
        } else {
            out.add(new Proposal(info.worker(), "worker", "skipped: DisableWorkerFallback is set"));
        }
        out.add(config.disableOwnerFallback()
            ? new Proposal(info.owner(), "owner", "skipped: DisableOwnerFallback is set")
            : new Proposal(info.owner(), "owner", null));
        return out;
    }

    /** The on-chain control addresses, minus owner, worker and those configured for another use. */
    private List<Proposal> postProposals(MinerInfo info, SelectionConfig config) {
        List<Proposal> out = new ArrayList<>();
        List<Address> controls = info.controlAddresses();
        for (int i = 0; i < controls.size(); i++) {
            Address c = controls.get(i);
            String source = "control-" + i;
            if (c.equals(info.owner())) {
                out.add(new Proposal(c, source, "skipped: it is the owner (the owner fallback covers it)"));
            } else if (c.equals(info.worker())) {
                out.add(new Proposal(c, source, "skipped: it is the worker (the worker fallback covers it)"));
            } else {
                List<String> uses = configuredUsesOf(c, config);
                out.add(uses.isEmpty() ? new Proposal(c, source, null)
                    : new Proposal(c, source, "skipped: also configured for " + String.join(", ", uses)));
            }
        }
        return out;
    }

    private List<String> configuredUsesOf(Address id, SelectionConfig config) {
        List<String> uses = new ArrayList<>();
        for (AddressUse use : AddressUse.values()) {
            if (use != AddressUse.POST && configured(config, use).stream()
                    .anyMatch(a -> chain.idOf(a).map(id::equals).orElse(false))) {
                uses.add(use.label());
            }
        }
        return uses;
    }

    static List<Address> configured(SelectionConfig config, AddressUse use) {
        return switch (use) {
            case PRE_COMMIT -> config.preCommitControl();
            case COMMIT -> config.commitControl();
            case TERMINATE -> config.terminateControl();
            case DEAL_PUBLISH -> config.dealPublishControl();
            case POST -> List.of();
        };
    }

    /** A candidate as looked up on chain, its verdict still open. */
    private static final class Looked {
        final Proposal proposal;
        Optional<Address> id = Optional.empty();
        Optional<Address> key = Optional.empty();
        TokenAmount balance = TokenAmount.ZERO;
        boolean inWallet;
        String verdict;

        Looked(Proposal proposal) {
            this.proposal = proposal;
        }

        Candidate candidate() {
            return new Candidate(id.orElse(proposal.address()), key, proposal.source(), balance, inWallet, verdict);
        }
    }

    private AddressChoice pick(ControlChain.Miner miner, AddressUse use, List<Proposal> proposals, TokenAmount goodFunds,
                               TokenAmount minFunds) {
        Set<Address> controlling = new HashSet<>(miner.info().controllingAddresses());
        Set<Address> seen = new LinkedHashSet<>();
        List<Looked> looked = new ArrayList<>();
        Looked taken = null;
        Looked leastBad = null;
        for (Proposal p : proposals) {
            Looked l = lookUp(p);
            looked.add(l);
            if (p.skip() != null) {
                l.verdict = p.skip();
            } else if (l.id.isEmpty()) {
                l.verdict = "skipped: " + p.address() + " has no actor on chain; send it some FIL first";
            } else if (!controlling.contains(l.id.get())) {
                l.verdict = "skipped: not the owner, worker or a control address of " + miner.id()
                    + " on chain; add it with `granary actor control set`";
            } else if (!seen.add(l.id.get())) {
                l.verdict = "skipped: already considered above";
            } else if (taken != null) {
                l.verdict = "not needed: " + taken.id.get() + " was taken first";
            } else if (!l.inWallet) {
                l.verdict = "skipped: key " + l.key.map(Address::toString).orElse("(none: not an account)")
                    + " is not in this node's wallet";
            } else if (l.balance.compareTo(goodFunds) >= 0) {
                l.verdict = "taken: " + l.balance + " ≥ " + goodFunds + " needed" + p.note();
                taken = l;
            } else {
                l.verdict = "short: " + l.balance + " < " + goodFunds + " needed" + p.note();
                if (l.balance.compareTo(minFunds) >= 0 && l.balance.signum() > 0
                        && (leastBad == null || l.balance.compareTo(leastBad.balance) > 0)) {
                    leastBad = l;
                }
            }
        }
        String reason;
        Optional<Address> chosen;
        if (taken != null) {
            chosen = taken.id;
            reason = taken.id.get() + " (" + taken.proposal.source() + ") has " + taken.balance + ", at least the "
                + goodFunds + " a " + use.label() + " message should have";
        } else if (leastBad != null) {
            chosen = leastBad.id;
            leastBad.verdict = "taken as the least bad: " + leastBad.balance + " < " + goodFunds + " wanted, but ≥ "
                + minFunds + " and the most of all usable candidates" + leastBad.proposal.note();
            reason = "no usable address has " + goodFunds + "; " + leastBad.id.get() + " (" + leastBad.proposal.source()
                + ") has the most, " + leastBad.balance + "; fund it or another candidate";
        } else {
            chosen = Optional.empty();
            reason = "no address can send " + use.label() + " messages for " + miner.id() + ": none of the candidates"
                + " has its key in this node's wallet and at least " + (minFunds.signum() > 0 ? minFunds : "some FIL")
                + "; fund one of them or import its key";
        }
        return new AddressChoice(use, chosen, reason, goodFunds, minFunds,
            looked.stream().map(Looked::candidate).toList());
    }

    private Looked lookUp(Proposal p) {
        Looked l = new Looked(p);
        l.id = chain.idOf(p.address());
        Address any = l.id.orElse(p.address());
        l.key = chain.keyOf(any);
        l.balance = chain.balance(any);
        l.inWallet = l.key.map(inWallet::test).orElse(false);
        return l;
    }
}

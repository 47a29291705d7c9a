package org.minima.init.presolved;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.minima.api.InvalidOption;
import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.Settings;
import org.minima.api.init.InitRequest;
import org.minima.api.init.Initialization;
import org.minima.api.init.Initializer;
import org.minima.api.model.ExactPoint;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Middle-layer initialisation to the correct state, as the {@link Initializer} {@code presolved}: the step blocks
 * named by option {@code blocks} start at an exact construction's weights, every other parameter as the
 * {@code pytorch-default} initializer draws it for the same seed (so a presolved model and its plain twin differ only
 * in those blocks), and with {@code freeze} the presolved blocks are frozen: training leaves them bit for bit as they
 * are. Blocks are named by index (0 = the first step) or as {@code first}, {@code middle} (block ⌊B/2⌋ of B: the
 * middle one for odd B, the later of the two middle ones for even B), {@code last}, {@code all-but-one} (every block
 * but the middle one: the network has one step left to learn, between correct states) or {@code all}.
 */
@Component(service = Initializer.class, property = Plugin.NAME + "=" + Presolved.NAME)
public final class Presolved extends ExactStart {

    static final String NAME = "presolved";
    static final String BLOCKS = "blocks";
    static final String FREEZE = "freeze";
    static final List<String> BLOCK_NAMES = List.of("first", "middle", "last", "all-but-one", "all");

    private final Initializer base;

    /** @param base PyTorch's default draw, for the blocks that are not presolved */
    @Activate
    public Presolved(@Reference(target = "(" + Plugin.NAME + "=pytorch-default)") Initializer base) {
        this.base = base;
    }

    @Override
    public String description() {
        return "Chosen step blocks (first, middle, last, all-but-one, all or indices) set to an exact solution,"
                + " optionally frozen; the others drawn as pytorch-default draws them";
    }

    @Override
    List<OptionSpec> ownOptions() {
        return List.of(
                new OptionSpec(BLOCKS, OptionType.STRING_LIST, "middle", "Step blocks that start exact: indices from"
                        + " 0 and/or first, middle (block floor(B/2) of B), last, all-but-one (all but the middle),"
                        + " all.", List.of(), null, null),
                new OptionSpec(FREEZE, OptionType.BOOLEAN, "false",
                        "Freeze the presolved blocks: training leaves them exactly as they start.", List.of(), null,
                        null));
    }

    @Override
    void check(Settings settings, ParameterLayout layout, ExactPoint exact) {
        Set<Integer> chosen;
        try {
            chosen = blocks(settings.getStringList(BLOCKS), layout.blocks());
        } catch (IllegalArgumentException e) {
            throw new InvalidOption(BLOCKS, e.getMessage());
        }
        if (settings.getBoolean(FREEZE) && chosen.size() == layout.blocks()) {
            throw new InvalidOption(FREEZE, "it would freeze every block of a network of " + layout.blocks()
                    + " blocks, leaving nothing to train; freeze fewer blocks, or set it to false");
        }
    }

    @Override
    public Initialization initialise(InitRequest request) {
        ParameterLayout layout = request.layout();
        Set<Integer> chosen = blocks(request.options().getStringList(BLOCKS), layout.blocks());
        // the base draws with its own defaults: the options of this request are presolved's
        InitRequest draw = new InitRequest(request.spec(), layout, request.seed(), request.game(),
                request.solutions(), Settings.of(base.options(), Map.of()));
        ParameterVector start = base.initialise(draw).parameters().splice(exact(request).parameters(),
                layout.indicesOf(chosen));
        return new Initialization(start, request.options().getBoolean(FREEZE) ? chosen : Set.of());
    }

    /**
     * The blocks {@code names} name in a network of {@code count} blocks.
     *
     * @throws IllegalArgumentException naming a block that is not there, or a word that names none
     */
    static Set<Integer> blocks(List<String> names, int count) {
        Set<Integer> blocks = new TreeSet<>();
        int middle = count / 2;
        for (String name : names) {
            switch (name) {
                case "first" -> blocks.add(0);
                case "middle" -> blocks.add(middle);
                case "last" -> blocks.add(count - 1);
                case "all-but-one" -> IntStream.range(0, count).filter(b -> b != middle).forEach(blocks::add);
                case "all" -> IntStream.range(0, count).forEach(blocks::add);
                default -> blocks.add(index(name, count));
            }
        }
        return blocks;
    }

    private static int index(String name, int count) {
        int index;
        try {
            index = Integer.parseInt(name);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' names no block: use an index from 0 or one of "
                    + String.join(", ", BLOCK_NAMES));
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("block " + index + " is not in a network of " + count
                    + " blocks (0.." + (count - 1) + ")");
        }
        return index;
    }
}

package io.maple.persistence.execution;

import io.maple.domain.EngineCategory;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;

/** Stores engine categories in lower case ("spark", "flink"), as the seed names them. */
@MappedTypes(EngineCategory.class)
public class EngineCategoryTypeHandler extends BaseTypeHandler<EngineCategory> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, EngineCategory parameter, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, parameter.wireName());
    }

    @Override
    public EngineCategory getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return EngineCategory.fromWire(rs.getString(columnName));
    }

    @Override
    public EngineCategory getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return EngineCategory.fromWire(rs.getString(columnIndex));
    }

    @Override
    public EngineCategory getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return EngineCategory.fromWire(cs.getString(columnIndex));
    }
}
